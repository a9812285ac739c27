package io.refrain.platform.mail;

import io.refrain.platform.config.RefrainProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Clock;
import java.util.Properties;

/** Delivers through the SMTP server named by {@code REFRAIN_SMTP_*}. */
final class SmtpMailer implements MailTransport {

    private final RefrainProperties.Smtp smtp;
    private final Session session;
    private final Clock clock;

    SmtpMailer(RefrainProperties.Smtp smtp, Clock clock) {
        this.smtp = smtp;
        this.clock = clock;
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        props.put(
                "mail.smtp.auth",
                Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        this.session = Session.getInstance(props);
    }

    @Override
    public void deliver(OutgoingMail mail) throws MessagingException {
        var message = MailMessages.toMime(session, smtp.from(), mail, clock);
        if (smtp.username() != null && !smtp.username().isBlank()) {
            Transport.send(message, smtp.username(), smtp.password());
        } else {
            Transport.send(message);
        }
    }
}
