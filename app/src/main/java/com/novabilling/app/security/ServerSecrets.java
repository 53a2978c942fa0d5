package com.novabilling.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The server's signing and encryption keys. Operators set {@code NOVABILLING_JWT_SECRET} and
 * {@code NOVABILLING_ENCRYPTION_KEY} (base64, ≥ 32 bytes; the same on every node); without them a single node
 * generates keys once and keeps them in {@code data-dir/secrets}, so tokens and encrypted settings survive restarts.
 */
@Component
public class ServerSecrets {

    private final byte[] jwtKey;
    private final byte[] encryptionKey;

    public ServerSecrets(SecurityProperties properties, @Value("${novabilling.data-dir}") String dataDir) {
        Path secrets = Path.of(dataDir).toAbsolutePath().resolve("secrets");
        this.jwtKey = resolve(properties.jwtSecret(), secrets.resolve("jwt.key"));
        this.encryptionKey = resolve(properties.encryptionKey(), secrets.resolve("encryption.key"));
    }

    public byte[] jwtKey() {
        return jwtKey.clone();
    }

    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    private static byte[] resolve(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.trim());
            if (key.length < 32) {
                throw new IllegalStateException("secret keys must be at least 32 bytes (base64-encoded)");
            }
            return key;
        }
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = Tokens.randomBytes(32);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
