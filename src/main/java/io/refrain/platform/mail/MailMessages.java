package io.refrain.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/** Turns an {@link OutgoingMail} into a MIME message, the same for SMTP and the outbox. */
final class MailMessages {

    private MailMessages() {}

    static MimeMessage toMime(Session session, String from, OutgoingMail mail, Clock clock) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.text(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.saveChanges();
        return message;
    }

    static Session plainSession() {
        return Session.getInstance(new Properties());
    }
}
