package com.crosspoint.media;

import java.util.HexFormat;

/** Test vectors are written as spaced hex with comments; this strips both. */
public final class Hex {
    private Hex() {
    }

    /** Parses "80 08 | 12 34  // comment" style text: whitespace, '|' and //-comments to line end ignored. */
    public static byte[] bytes(String annotated) {
        StringBuilder digits = new StringBuilder();
        for (String line : annotated.split("\n")) {
            int comment = line.indexOf("//");
            digits.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("[\\s|]", ""));
        }
        return HexFormat.of().parseHex(digits.toString());
    }
}
