package io.refrain.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An e-mail address and the 6-digit code that was sent to it (verify, or passwordless login). */
record CodeRequest(
        @NotBlank @Email @Size(max = Requests.EMAIL_MAX) String email,

        @NotBlank @Pattern(regexp = Requests.CODE_PATTERN, message = "must be 6 digits")
        String code) {}
