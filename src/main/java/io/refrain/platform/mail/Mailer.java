package io.refrain.platform.mail;

/**
 * Sends e-mail. Delivery is asynchronous so that a slow mail server neither blocks the request
 * nor reveals, by timing, whether a mail was sent at all. Failures are logged.
 */
public interface Mailer {

    void send(OutgoingMail mail);
}
