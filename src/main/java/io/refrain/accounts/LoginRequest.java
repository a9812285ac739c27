package io.refrain.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record LoginRequest(
        @NotBlank @Email @Size(max = Requests.EMAIL_MAX) String email,
        @NotBlank @Size(max = Requests.PASSWORD_MAX) String password) {}
