package io.refrain.platform.mail;

/** Synchronous delivery of one mail: SMTP or the outbox directory. */
interface MailTransport {

    void deliver(OutgoingMail mail) throws Exception;
}
