package io.refrain.accounts;

import io.refrain.platform.mail.Mailer;
import io.refrain.platform.mail.OutgoingMail;
import org.springframework.stereotype.Component;

/** The texts of the mails the accounts module sends. */
@Component
class AuthMails {

    private final Mailer mailer;

    AuthMails(Mailer mailer) {
        this.mailer = mailer;
    }

    void code(String email, String purpose, String code) {
        boolean verify = OneTimeCodes.VERIFY_EMAIL.equals(purpose);
        String subject = (verify ? "Verify your Refrain account: " : "Your Refrain login code: ") + code;
        String text = """
                Your code is: %s

                %s It is valid for 10 minutes and can be used once.

                If you did not ask for it, ignore this mail; nothing happens without the code.
                """.formatted(
                        code,
                        verify
                                ? "Enter it to verify your e-mail address and finish signing up."
                                : "Enter it to log in without your password.");
        mailer.send(new OutgoingMail(email, subject, text));
    }

    void alreadyRegistered(String email) {
        mailer.send(new OutgoingMail(email, "Someone tried to sign up with your address", """
                Someone (maybe you) tried to create a Refrain account with this e-mail address, \
                but you already have one. Nothing was changed.

                To get in without your password, ask for a login code (POST /api/v1/auth/otp/request).
                """));
    }
}
