package com.novabilling.app.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Mail NovaBilling itself sends (password resets) through the server's SMTP settings ({@code spring.mail.*}).
 * Sent off the request thread, so the forgot-password answer takes the same time whether or not the account exists.
 */
@Component
public class SystemMailer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SystemMailer.class);

    private final JavaMailSender sender;
    private final MailProperties properties;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "system-mailer");
        t.setDaemon(true);
        return t;
    });

    public SystemMailer(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    public void sendPasswordReset(String to, String name, String token) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject("Reset your NovaBilling password");
        message.setText("Hello " + name + ",\n\n"
                + "Use this token to reset your password (valid for one hour):\n\n" + token + "\n\n"
                + "POST " + properties.publicUrl() + "/api/auth/reset-password with {\"token\": \"" + token + "\", \"password\": \"…\"}\n\n"
                + "If you did not ask for this, ignore this e-mail.\n");
        executor.execute(() -> {
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("password reset e-mail to {} failed: {}", to, e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
