package io.refrain.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "A new account. The e-mail address gets a 6-digit code to verify.")
record SignupRequest(
        @NotBlank @Email @Size(max = Requests.EMAIL_MAX) String email,

        @NotBlank
        @Size(min = Requests.PASSWORD_MIN, max = Requests.PASSWORD_MAX)
        @Schema(description = "8 to 64 characters")
        String password,

        @NotBlank @Size(max = Requests.DISPLAY_NAME_MAX) String displayName) {}
