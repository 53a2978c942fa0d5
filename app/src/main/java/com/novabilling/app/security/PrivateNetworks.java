package com.novabilling.app.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Addresses a tenant must not make the server connect to: the server's own host and the networks behind it
 * (loopback, RFC 1918 and IPv6 unique-local, link-local with the cloud metadata service, CGNAT, unspecified,
 * multicast and reserved). IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that
 * IPv4 address.
 */
public final class PrivateNetworks {

    private record Block(IpRange range, String kind) {
        Block(String cidr, String kind) {
            this(IpRange.of(cidr), kind);
        }
    }

    private static final List<Block> BLOCKS = List.of(
            new Block("0.0.0.0/8", "unspecified"),
            new Block("10.0.0.0/8", "private"),
            new Block("100.64.0.0/10", "shared (carrier-grade NAT)"),
            new Block("127.0.0.0/8", "loopback"),
            new Block("169.254.0.0/16", "link-local"),
            new Block("172.16.0.0/12", "private"),
            new Block("192.168.0.0/16", "private"),
            new Block("224.0.0.0/4", "multicast"),
            new Block("240.0.0.0/4", "reserved"),
            new Block("::/128", "unspecified"),
            new Block("::1/128", "loopback"),
            new Block("fc00::/7", "private (unique local)"),
            new Block("fe80::/10", "link-local"),
            new Block("fec0::/10", "private (site-local)"),
            new Block("ff00::/8", "multicast"));

    private static final IpRange IPV4_COMPATIBLE = IpRange.of("::/96");
    private static final IpRange IPV4_MAPPED = IpRange.of("::ffff:0:0/96");
    private static final IpRange NAT64 = IpRange.of("64:ff9b::/96");
    private static final IpRange SIX_TO_FOUR = IpRange.of("2002::/16");

    private PrivateNetworks() {
    }

    /** What kind of non-public address this is ("loopback", "private", …), or empty for a public address. */
    public static Optional<String> kindOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : BLOCKS) {
            if (block.range().contains(bytes)) {
                return Optional.of(block.kind());
            }
        }
        if (address instanceof Inet6Address) {
            byte[] embedded = null;
            if (IPV4_COMPATIBLE.contains(bytes) || IPV4_MAPPED.contains(bytes) || NAT64.contains(bytes)) {
                embedded = Arrays.copyOfRange(bytes, 12, 16);
            } else if (SIX_TO_FOUR.contains(bytes)) {
                embedded = Arrays.copyOfRange(bytes, 2, 6);
            }
            if (embedded != null) {
                try {
                    return kindOf(InetAddress.getByAddress(embedded));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }
}
