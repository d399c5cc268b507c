package com.crosspoint.relay.stun;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The address attributes, RFC 8489 s14.1 and s14.2:
 *
 * <pre>
 * |0 0 0 0 0 0 0 0|    Family     |           Port                |
 * |                 Address (32 bits or 128 bits)                 |
 * </pre>
 *
 * MAPPED-ADDRESS, ALTERNATE-SERVER, OTHER-ADDRESS, RESPONSE-ORIGIN carry it as it is; the XOR- ones
 * (XOR-MAPPED-ADDRESS, XOR-PEER-ADDRESS, XOR-RELAYED-ADDRESS) XOR the port with the top 16 bits of the magic cookie
 * and the address with the cookie (IPv4) or the cookie followed by the transaction ID (IPv6).
 */
public final class AddressCodec {
    public static final int FAMILY_IPV4 = 0x01;
    public static final int FAMILY_IPV6 = 0x02;

    private AddressCodec() {
    }

    /** The value of an address attribute; {@code xorPad} is null for a plain one, else cookie + transaction ID. */
    public static byte[] encode(InetSocketAddress address, byte[] xorPad) {
        byte[] ip = address.getAddress().getAddress();
        byte[] value = new byte[4 + ip.length];
        value[1] = (byte) (ip.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
        int port = address.getPort();
        if (xorPad != null) {
            port ^= ((xorPad[0] & 0xFF) << 8) | (xorPad[1] & 0xFF);
            for (int i = 0; i < ip.length; i++) {
                ip[i] ^= xorPad[i];
            }
        }
        value[2] = (byte) (port >> 8);
        value[3] = (byte) port;
        System.arraycopy(ip, 0, value, 4, ip.length);
        return value;
    }

    /** The cookie and transaction ID of a (non-classic) message, what XOR attributes are XORed with. */
    public static byte[] xorPad(byte[] transactionId12) {
        byte[] pad = new byte[16];
        pad[0] = 0x21;
        pad[1] = 0x12;
        pad[2] = (byte) 0xA4;
        pad[3] = 0x42;
        System.arraycopy(transactionId12, 0, pad, 4, 12);
        return pad;
    }

    /** The address in a message's attribute of {@code type}: empty when absent or malformed. */
    public static Optional<InetSocketAddress> read(StunMessage message, int type) {
        Optional<StunAttribute> a = message.attribute(type);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        boolean xor = type == AttributeType.XOR_MAPPED_ADDRESS || type == AttributeType.XOR_PEER_ADDRESS
                || type == AttributeType.XOR_RELAYED_ADDRESS;
        byte[] pad = xor && !message.classic() ? xorPad(message.transactionId()) : null;
        return decode(message.value(a.get()), pad);
    }

    /** Decodes an address value; empty for an unknown family or a length that does not fit it. */
    public static Optional<InetSocketAddress> decode(byte[] value, byte[] xorPad) {
        if (value.length < 4) {
            return Optional.empty();
        }
        int family = value[1] & 0xFF;
        int ipLength = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
        if (ipLength < 0 || value.length != 4 + ipLength) {
            return Optional.empty();
        }
        int port = ((value[2] & 0xFF) << 8) | (value[3] & 0xFF);
        byte[] ip = new byte[ipLength];
        System.arraycopy(value, 4, ip, 0, ipLength);
        if (xorPad != null) {
            port ^= ((xorPad[0] & 0xFF) << 8) | (xorPad[1] & 0xFF);
            for (int i = 0; i < ipLength; i++) {
                ip[i] ^= xorPad[i];
            }
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByAddress(ip), port));
        } catch (UnknownHostException e) {
            return Optional.empty(); // cannot happen for 4 or 16 bytes
        }
    }

    /** The family code of an address (REQUESTED-ADDRESS-FAMILY compares with it). */
    public static int familyOf(InetAddress address) {
        return address instanceof Inet4Address ? FAMILY_IPV4 : FAMILY_IPV6;
    }
}
