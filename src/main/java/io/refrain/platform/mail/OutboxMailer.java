package io.refrain.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no SMTP server configured, every mail is written as an {@code .eml} file under
 * {@code <data-dir>/outbox/} (and logged), so a person running the default can read codes.
 */
final class OutboxMailer implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

    private final Path outbox;
    private final String from;
    private final Clock clock;
    // one session for all mails: creating one loads the mail providers (a class-path scan) each time
    private final Session session = MailMessages.plainSession();

    OutboxMailer(Path outbox, String from, Clock clock) {
        this.outbox = outbox;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void deliver(OutgoingMail mail) throws IOException, MessagingException {
        Files.createDirectories(outbox);
        String name = STAMP.format(clock.instant()) + "-" + mail.to().replaceAll("[^A-Za-z0-9@._-]", "_") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".eml";
        Path tmp = outbox.resolve(name + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            MailMessages.toMime(session, from, mail, clock).writeTo(out);
        }
        // Atomic rename: a reader never sees a half-written mail.
        Path target = outbox.resolve(name);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        log.info("Mail to {} written to {} (subject: {})", mail.to(), target, mail.subject());
    }
}
