package io.refrain.platform.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands each mail to a virtual thread so the request returns at once. Inside a transaction
 * the mail leaves only after the commit: a code mailed before its row is committed could be
 * typed in before it exists, and a rolled-back change must not be announced. On shutdown, mails
 * already accepted are given time to go out.
 */
final class AsyncMailer implements Mailer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AsyncMailer.class);

    private final MailTransport transport;
    private final ExecutorService executor;
    /**
     * Mails delivered at once. A burst (the timer sweep telling 10,000 people) must not open as
     * many SMTP connections, or contend on the class loader, at the same moment.
     */
    private final Semaphore delivering = new Semaphore(MAX_PARALLEL);

    static final int MAX_PARALLEL = 4;

    AsyncMailer(MailTransport transport, ExecutorService executor) {
        this.transport = transport;
        this.executor = executor;
    }

    @Override
    public void send(OutgoingMail mail) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliverLater(mail);
                }
            });
        } else {
            deliverLater(mail);
        }
    }

    private void deliverLater(OutgoingMail mail) {
        String requestId = MDC.get("requestId");
        executor.submit(() -> {
            if (requestId != null) {
                MDC.put("requestId", requestId);
            }
            try {
                delivering.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.error("Mail to {} (subject: {}) not delivered: shutdown interrupted it", mail.to(), mail.subject());
                return;
            }
            try {
                transport.deliver(mail);
            } catch (Exception e) {
                log.error("Could not deliver mail to {} (subject: {}): {}", mail.to(), mail.subject(), e.toString());
            } finally {
                delivering.release();
                MDC.remove("requestId");
            }
        });
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                log.warn("Mail delivery did not finish within 15 s of shutdown");
            }
        } catch (InterruptedException e) {
            // shutdown was interrupted: stop waiting, and keep the interrupt for whoever closes us
            Thread.currentThread().interrupt();
            log.warn("Stopped waiting for mail delivery: shutdown was interrupted");
        }
    }
}
