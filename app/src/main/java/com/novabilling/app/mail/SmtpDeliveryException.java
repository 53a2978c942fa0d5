package com.novabilling.app.mail;

/**
 * A tenant SMTP send that failed. The message is fit to show the tenant: the SMTP server's own reply, or a plain
 * sentence of ours; never a Java class or exception name, and one sentence for every way a connection can fail.
 */
public class SmtpDeliveryException extends RuntimeException {

    public SmtpDeliveryException(String message) {
        super(message, null, false, false);
    }
}
