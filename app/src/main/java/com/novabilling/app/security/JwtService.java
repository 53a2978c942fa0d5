package com.novabilling.app.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Short-lived access tokens, HS256 only: a token whose header names any other algorithm is refused before its
 * signature is even considered. Every token must carry {@code exp} and {@code iat}, and one issued in the future
 * (beyond {@code novabilling.security.jwt-clock-skew}) is refused. {@code sv} is the tenant's session version; a
 * password reset bumps it and so invalidates every access token issued before.
 */
@Component
public class JwtService {

    private static final String ALGORITHM = "HS256";
    private static final String ISSUER = "novabilling";

    private final SecretKey key;
    private final SecurityProperties properties;
    private final Clock clock;

    public JwtService(ServerSecrets secrets, SecurityProperties properties, Clock clock) {
        this.key = Keys.hmacShaKeyFor(secrets.jwtKey());
        this.properties = properties;
        this.clock = clock;
    }

    public String issueAccessToken(String tenantId, int sessionVersion) {
        Instant now = clock.instant();
        return Jwts.builder()
                .header().add("typ", "JWT").and()
                .issuer(ISSUER)
                .subject(tenantId)
                .id(Tokens.random(16))
                .claim("typ", "access")
                .claim("sv", sessionVersion)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(properties.accessTokenTtl())))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    public long accessTokenTtlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    public Optional<AccessClaims> verify(String token) {
        try {
            var jws = Jwts.parser()
                    .verifyWith(key)
                    .requireIssuer(ISSUER)
                    .require("typ", "access")
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token);
            if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            Claims claims = jws.getPayload();
            Date issuedAt = claims.getIssuedAt();
            if (claims.getExpiration() == null || issuedAt == null
                    || issuedAt.toInstant().isAfter(clock.instant().plus(properties.jwtClockSkew()))) {
                return Optional.empty();
            }
            Number sv = claims.get("sv", Number.class);
            return Optional.of(new AccessClaims(claims.getSubject(), sv == null ? -1 : sv.intValue()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public record AccessClaims(String tenantId, int sessionVersion) {
    }
}
