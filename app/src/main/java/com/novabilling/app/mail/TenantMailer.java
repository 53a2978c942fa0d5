package com.novabilling.app.mail;

import com.novabilling.api.error.Causes;
import com.novabilling.api.error.ValidationException;
import com.novabilling.app.security.SecretBox;
import com.novabilling.app.tenant.TenantSettings;
import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLException;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Sends mail through a tenant's own SMTP server (the password is decrypted only for the send). The host must pass
 * {@link SmtpHostPolicy} and the connection goes to the address that was checked; every step is bounded by the
 * configured timeouts.
 */
@Component
public class TenantMailer {

    private static final int DEFAULT_PORT = 587;
    private static final int MAX_REPLY_LENGTH = 500;

    private final SecretBox secrets;
    private final SmtpHostPolicy hosts;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public TenantMailer(SecretBox secrets, SmtpHostPolicy hosts, MailProperties properties) {
        this.secrets = secrets;
        this.hosts = hosts;
        this.connectTimeout = properties.smtpConnectTimeout();
        this.readTimeout = properties.smtpReadTimeout();
    }

    /** A file attached to a message. */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /**
     * A plain-text message.
     *
     * @throws ValidationException    naming {@link SmtpHostPolicy#FIELD} when the host may not be reached
     * @throws SmtpDeliveryException  when the send fails, with a message fit to show the tenant
     */
    public void send(TenantSettings.Smtp smtp, String to, String subject, String text) {
        send(smtp, to, subject, text, null, List.of());
    }

    /**
     * A message with a plain-text body, optionally an HTML alternative to it, and attachments.
     *
     * @throws ValidationException    naming {@link SmtpHostPolicy#FIELD} when the host may not be reached, or
     *                                {@code to} when the recipient is not an e-mail address
     * @throws SmtpDeliveryException  when the send fails, with a message fit to show the tenant
     */
    public void send(TenantSettings.Smtp smtp, String to, String subject, String text, String html,
                     List<Attachment> attachments) {
        String host = smtp.host().trim();
        int port = smtp.port() == null ? DEFAULT_PORT : smtp.port();
        String endpoint = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        InetAddress address;
        try {
            address = hosts.addressFor(host);
        } catch (SmtpHostPolicy.UnresolvableHostException e) {
            throw new SmtpDeliveryException("could not resolve " + host);
        }
        boolean login = smtp.username() != null && !smtp.username().isBlank();
        Session session = Session.getInstance(properties(smtp, address));
        MimeMessage message = message(session, smtp, to, subject, text, html, attachments);
        SMTPTransport transport = null;
        boolean connected = false;
        try {
            transport = (SMTPTransport) session.getTransport("smtp");
            transport.connect(host, port, login ? smtp.username() : null,
                    login && smtp.passwordEncrypted() != null ? secrets.decrypt(smtp.passwordEncrypted()) : null);
            connected = true;
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw new SmtpDeliveryException(describe(e, transport, connected, endpoint));
        } finally {
            closeQuietly(transport);
        }
    }

    private static MimeMessage message(Session session, TenantSettings.Smtp smtp, String to, String subject, String text,
                                       String html, List<Attachment> attachments) {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(new InternetAddress(smtp.fromEmail(), smtp.fromName(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException | MessagingException e) {
            throw new ValidationException("settings.smtp.fromEmail", "must be a valid e-mail address");
        }
        try {
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        } catch (MessagingException e) {
            throw new ValidationException("to", "must be a valid e-mail address");
        }
        try {
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            if (html == null && attachments.isEmpty()) {
                message.setText(text, StandardCharsets.UTF_8.name());
            } else {
                message.setContent(multipart(text, html, attachments));
            }
            message.saveChanges();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the message", e);
        }
        return message;
    }

    /** {@code multipart/mixed}: the body (text, or text and HTML as {@code multipart/alternative}), then each file. */
    private static MimeMultipart multipart(String text, String html, List<Attachment> attachments) throws MessagingException {
        MimeBodyPart body = new MimeBodyPart();
        if (html == null) {
            body.setText(text, StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, StandardCharsets.UTF_8.name());
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, StandardCharsets.UTF_8.name(), "html");
            body.setContent(new MimeMultipart("alternative", plain, rich));
        }
        MimeMultipart mixed = new MimeMultipart("mixed", body);
        for (Attachment attachment : attachments) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
            file.setFileName(attachment.fileName());
            file.setDisposition(Part.ATTACHMENT);
            mixed.addBodyPart(file);
        }
        return mixed;
    }

    private Properties properties(TenantSettings.Smtp smtp, InetAddress address) {
        Properties props = new Properties();
        props.put("mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        props.put("mail.smtp.connectiontimeout", String.valueOf(connectTimeout.toMillis()));
        props.put("mail.smtp.timeout", String.valueOf(readTimeout.toMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(readTimeout.toMillis()));
        props.put("mail.smtp.socketFactory", new PinnedSocketFactory(address));
        // without this, a failed pinned connect is retried with a plain socket to the host name: a second DNS lookup
        props.put("mail.smtp.socketFactory.fallback", "false");
        if (Boolean.TRUE.equals(smtp.secure())) {
            props.put("mail.smtp.ssl.enable", "true");
        } else {
            props.put("mail.smtp.starttls.enable", "true");
        }
        return props;
    }

    /**
     * The SMTP server's own reply when it gave one; otherwise one plain sentence. Every failure to get as far as a
     * logged-in SMTP session without an SMTP reply to show (refused, timed out, unreachable, not an SMTP server) reads
     * the same, so the answer cannot tell a closed port from a filtered one.
     */
    private String describe(MessagingException e, SMTPTransport transport, boolean connected, String endpoint) {
        String reply = smtpReply(e);
        if (reply == null && transport != null && isError(transport.getLastReturnCode())) {
            reply = transport.getLastServerResponse();
        }
        if (reply != null && !reply.isBlank()) {
            return clean(reply);
        }
        if (find(e, SSLException.class) != null) {
            return "could not establish a TLS connection with " + endpoint;
        }
        if (!connected && find(e, MailConnectException.class) == null && find(e, AuthenticationFailedException.class) != null) {
            return "the SMTP server at " + endpoint + " offers no login method NovaBilling supports";
        }
        if (!connected) {
            return "could not connect to " + endpoint + " within " + seconds(connectTimeout);
        }
        if (find(e, SocketTimeoutException.class) != null) {
            return "the SMTP server at " + endpoint + " stopped answering (no reply within " + seconds(readTimeout) + ")";
        }
        return "the SMTP conversation with " + endpoint + " broke off";
    }

    /** The reply text carried by the mail library's exceptions for a refused sender, recipient or message. */
    private static String smtpReply(Throwable e) {
        return Causes.of(e)
                .filter(t -> t instanceof SMTPAddressFailedException a && isError(a.getReturnCode())
                        || t instanceof SMTPSenderFailedException s && isError(s.getReturnCode())
                        || t instanceof SMTPSendFailedException f && isError(f.getReturnCode()))
                .map(Throwable::getMessage).findFirst().orElse(null);
    }

    private static boolean isError(int code) {
        return code >= 400 && code < 600;
    }

    private static String clean(String reply) {
        String text = reply.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").trim();
        return text.length() > MAX_REPLY_LENGTH ? text.substring(0, MAX_REPLY_LENGTH) + "…" : text;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        return Causes.find(e, type).orElse(null);
    }

    private static void closeQuietly(SMTPTransport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the send has already succeeded or failed; a failed QUIT changes neither
        }
    }
}
