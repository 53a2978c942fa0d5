package com.novabilling.app.mail;

import com.novabilling.app.security.SecretBox;
import com.novabilling.app.tenant.TenantSettings;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.util.Properties;

/** Sends mail through a tenant's own SMTP server (the password is decrypted only for the send). */
@Component
public class TenantMailer {

    private final SecretBox secrets;

    public TenantMailer(SecretBox secrets) {
        this.secrets = secrets;
    }

    public void send(TenantSettings.Smtp smtp, String to, String subject, String text) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port() == null ? 587 : smtp.port());
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.passwordEncrypted() == null ? null : secrets.decrypt(smtp.passwordEncrypted()));
        }
        Properties props = sender.getJavaMailProperties();
        props.put("mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        if (Boolean.TRUE.equals(smtp.secure())) {
            props.put("mail.smtp.ssl.enable", "true");
        } else {
            props.put("mail.smtp.starttls.enable", "true");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(smtp.fromName() == null ? smtp.fromEmail() : smtp.fromName() + " <" + smtp.fromEmail() + ">");
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
