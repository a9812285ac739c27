package io.refrain.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Asks for a one-time login code to be e-mailed. */
record EmailRequest(
        @NotBlank @Email @Size(max = Requests.EMAIL_MAX) String email) {}
