package io.refrain.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(
        description = "Fields to change; an absent or null field is left as it is. "
                + "An empty string clears `bio` or `avatarUrl`.")
record UpdateProfileRequest(
        @Size(min = 1, max = Requests.DISPLAY_NAME_MAX) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String displayName,

        @Size(max = Requests.BIO_MAX) String bio,

        @Size(max = Requests.URL_MAX) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL")
        String avatarUrl) {}
