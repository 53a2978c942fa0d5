package com.novabilling.app.mail;

import com.novabilling.api.error.ValidationException;
import com.novabilling.app.security.IpRange;
import com.novabilling.app.security.PrivateNetworks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which SMTP hosts a tenant may make the server connect to. The host is resolved and every address it resolves to
 * must be public, or allowed by the operator ({@code novabilling.mail.allowed-private-hosts}); the caller then
 * connects to the address that was checked, not to a second lookup of the name, so a DNS answer that changes in
 * between (rebinding) cannot redirect the connection.
 */
@Component
public class SmtpHostPolicy {

    public static final String FIELD = "settings.smtp.host";

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    /** Name resolution; the real one is {@link InetAddress#getAllByName}. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedNames = new HashSet<>();
    private final List<IpRange> allowedRanges = new ArrayList<>();
    private final Resolver resolver;

    @Autowired
    public SmtpHostPolicy(MailProperties properties) {
        this(properties.allowedPrivateHosts(), InetAddress::getAllByName);
    }

    public SmtpHostPolicy(List<String> allowedPrivateHosts, Resolver resolver) {
        for (String entry : allowedPrivateHosts) {
            Optional<IpRange> range = IpRange.parse(entry);
            if (range.isPresent()) {
                allowedRanges.add(range.get());
            } else {
                allowedNames.add(normalizeName(entry));
            }
        }
        this.resolver = resolver;
    }

    /** A host that cannot be resolved now; at settings time that is a 400, at send time a failed send. */
    public static class UnresolvableHostException extends Exception {
        public UnresolvableHostException(String host) {
            super("could not resolve " + host);
        }
    }

    /**
     * The address to connect to for {@code host}.
     *
     * @throws ValidationException naming {@link #FIELD} when the host is not a host name or address, or resolves to
     *                             an address the tenant may not reach
     */
    public InetAddress addressFor(String host) throws UnresolvableHostException {
        String candidate = host == null ? "" : host.trim();
        Optional<IpRange> literal = candidate.contains("/") ? Optional.empty() : IpRange.parse(candidate);
        String name = normalizeName(candidate);
        InetAddress[] addresses;
        if (literal.isPresent()) {
            addresses = new InetAddress[] {address(literal.get().network())};
        } else {
            if (!HOST_NAME.matcher(name).matches()) {
                throw new ValidationException(FIELD, "must be a host name (smtp.example.com) or an IP address");
            }
            try {
                addresses = resolver.resolve(name);
            } catch (UnknownHostException e) {
                throw new UnresolvableHostException(candidate);
            } catch (IllegalArgumentException e) { // an address literal the JDK finds ambiguous
                throw new ValidationException(FIELD, "must be a host name (smtp.example.com) or an IP address");
            }
            if (addresses == null || addresses.length == 0) {
                throw new UnresolvableHostException(candidate);
            }
        }
        if (!allowedNames.contains(name)) {
            for (InetAddress address : addresses) {
                Optional<String> kind = PrivateNetworks.kindOf(address);
                if (kind.isPresent() && allowedRanges.stream().noneMatch(r -> r.contains(address))) {
                    throw new ValidationException(FIELD, refusal(candidate, literal.isPresent(), kind.get()));
                }
            }
        }
        return addresses[0];
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String refusal(String host, boolean literal, String kind) {
        String what = literal ? host + " is a " + kind + " address" : host + " resolves to a " + kind + " address";
        return what + "; tenant mail can only go through an SMTP server on the public internet"
                + " (loopback, private, link-local and other internal networks are refused)";
    }

    private static String normalizeName(String host) {
        String name = host.trim();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return name; // refused by the host-name pattern
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
