package com.crosspoint.proxy.wire;

/**
 * Checks From, To, Contact, Route and Record-Route values (RFC 3261 §20.10, §25.1) as strictly as the
 * B2BUA's edge does ({@code sip.RawMessageCheck}), and finds the {@code tag} parameter. What it refuses:
 * an unterminated quoted string (RFC 4475 §3.1.2.6), LWS just inside {@code <>} (§3.1.2.14), an
 * unquoted display name that is not tokens (§3.1.2.15), URI headers outside {@code <>} (§3.1.2.13).
 * <pre>
 * name-addr      =  [ display-name ] LAQUOT addr-spec RAQUOT
 * display-name   =  *(token LWS)/ quoted-string
 * </pre>
 */
public final class NameAddr {
    private NameAddr() {
    }

    /**
     * Validates the whole field value (a comma-separated list when {@code list}).
     *
     * @return true when well-formed
     */
    public static boolean valid(byte[] b, int start, int end, boolean list) {
        int i = start;
        int elementStart = start;
        boolean quoted = false;
        while (i < end) {
            byte c = b[i];
            if (quoted) {
                if (c == '\\') {
                    i++; // quoted-pair: the next octet is literal
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                if (!displayNameOk(b, elementStart, i)) {
                    return false;
                }
                int close = Ascii.indexOf(b, i, end, (byte) '>');
                if (close < 0 || close == i + 1 || Ascii.isLws(b[i + 1]) || Ascii.isLws(b[close - 1])) {
                    return false;
                }
                i = close;
            } else if (list && c == ',') {
                elementStart = i + 1;
            } else if (c == '?' && hasUriHeaders(b, elementStart, i, end)) {
                return false;
            }
            i++;
        }
        return !quoted;
    }

    /** Before {@code <}: nothing, a quoted string, or tokens separated by LWS. */
    private static boolean displayNameOk(byte[] b, int start, int end) {
        int s = Ascii.skipLws(b, start, end);
        int e = Ascii.trimEnd(b, s, end);
        if (s == e || b[s] == '"') {
            return true;
        }
        for (int i = s; i < e; i++) {
            if (!Ascii.isToken(b[i]) && !Ascii.isLws(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** A '?' in a sip/sips addr-spec outside {@code <>} starts URI headers unless an '@' follows (then it was in the user part). */
    private static boolean hasUriHeaders(byte[] b, int elementStart, int question, int end) {
        int s = Ascii.skipLws(b, elementStart, question);
        if (!Ascii.startsWithIgnoreCase(b, s, question, "sip:") && !Ascii.startsWithIgnoreCase(b, s, question, "sips:")) {
            return false;
        }
        for (int j = question + 1; j < end && b[j] != ',' && b[j] != ';'; j++) {
            if (b[j] == '@') {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds the {@code tag} header parameter of a From or To value: the parameters after {@code >}, or
     * after the first ';' of an addr-spec written without brackets (§20.10: URI parameters need {@code <>}).
     *
     * @param out receives {start, end} of the tag's value; both -1 when there is none
     */
    public static void findTag(byte[] b, int start, int end, int[] out) {
        out[0] = -1;
        out[1] = -1;
        int i = paramsStart(b, start, end);
        while (i >= 0 && i < end) {
            int ns = Ascii.skipLws(b, i + 1, end);
            int ne = Ascii.tokenEnd(b, ns, end);
            int j = Ascii.skipLws(b, ne, end);
            int vs = -1;
            int ve = -1;
            if (j < end && b[j] == '=') {
                vs = Ascii.skipLws(b, j + 1, end);
                ve = Ascii.tokenEnd(b, vs, end);
                j = ve;
            }
            if (vs >= 0 && ve > vs && Ascii.equalsIgnoreCase(b, ns, ne, "tag")) {
                out[0] = vs;
                out[1] = ve;
                return;
            }
            i = Ascii.indexOf(b, j, end, (byte) ';');
        }
    }

    /** Index of the ';' that starts the header parameters, or -1. */
    private static int paramsStart(byte[] b, int start, int end) {
        boolean quoted = false;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                int close = Ascii.indexOf(b, i, end, (byte) '>');
                return close < 0 ? -1 : Ascii.indexOf(b, close, end, (byte) ';');
            } else if (c == ';') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The addr-spec of the first element: inside {@code <>} when present, otherwise up to the first ';'
     * or ','. Writes {start, end} into {@code out}.
     */
    public static void uri(byte[] b, int start, int end, int[] out) {
        int lt = -1;
        boolean quoted = false;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                lt = i;
                break;
            }
        }
        if (lt >= 0) {
            int gt = Ascii.indexOf(b, lt, end, (byte) '>');
            out[0] = lt + 1;
            out[1] = gt < 0 ? end : gt;
            return;
        }
        int s = Ascii.skipLws(b, start, end);
        int e = s;
        while (e < end && b[e] != ';' && b[e] != ',' && !Ascii.isLws(b[e])) {
            e++;
        }
        out[0] = s;
        out[1] = e;
    }
}
