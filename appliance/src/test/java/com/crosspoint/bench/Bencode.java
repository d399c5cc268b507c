package com.crosspoint.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bencoding (the BitTorrent encoding rtpengine's ng protocol uses): byte strings {@code 4:spam}, integers
 * {@code i42e}, lists {@code l...e} and dictionaries {@code d...e}. Strings decode as Java strings (UTF-8), which is
 * all the ng replies we read carry. Dictionary order is kept as written (rtpengine does not sort its keys).
 */
final class Bencode {

    private Bencode() {
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeBytes(("i" + value + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof List<?> list) {
            out.write('l');
            list.forEach(v -> write(v, out));
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            out.write('d');
            map.forEach((k, v) -> {
                write((String) k, out);
                write(v, out);
            });
            out.write('e');
        } else {
            throw new IllegalArgumentException("cannot bencode " + value);
        }
    }

    /** Decodes one value from the start of {@code bytes} (from {@code offset}). */
    static Object decode(byte[] bytes, int offset) {
        return new Reader(bytes, offset).value();
    }

    private static final class Reader {
        private final byte[] in;
        private int at;

        Reader(byte[] in, int at) {
            this.in = in;
            this.at = at;
        }

        Object value() {
            if (at >= in.length) {
                throw new IllegalArgumentException("bencode: truncated at " + at);
            }
            byte b = in[at];
            if (b == 'i') {
                int end = indexOf('e', at);
                long n = Long.parseLong(new String(in, at + 1, end - at - 1, StandardCharsets.US_ASCII));
                at = end + 1;
                return n;
            }
            if (b == 'l') {
                at++;
                List<Object> list = new ArrayList<>();
                while (in[at] != 'e') {
                    list.add(value());
                }
                at++;
                return list;
            }
            if (b == 'd') {
                at++;
                Map<String, Object> map = new LinkedHashMap<>();
                while (in[at] != 'e') {
                    String key = (String) value();
                    map.put(key, value());
                }
                at++;
                return map;
            }
            if (b >= '0' && b <= '9') {
                int colon = indexOf(':', at);
                int length = Integer.parseInt(new String(in, at, colon - at, StandardCharsets.US_ASCII));
                String s = new String(in, colon + 1, length, StandardCharsets.UTF_8);
                at = colon + 1 + length;
                return s;
            }
            throw new IllegalArgumentException("bencode: unexpected byte " + b + " at " + at);
        }

        private int indexOf(char c, int from) {
            for (int i = from; i < in.length; i++) {
                if (in[i] == c) {
                    return i;
                }
            }
            throw new IllegalArgumentException("bencode: no '" + c + "' after " + from);
        }
    }
}
