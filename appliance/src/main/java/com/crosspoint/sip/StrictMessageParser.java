package com.crosspoint.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;

/**
 * JAIN-SIP's parser with {@link RawMessageCheck} in front: ambiguous messages become parse errors (400), with our
 * reason phrase, never the parser's text.
 */
final class StrictMessageParser implements MessageParser {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StrictMessageParser.class);
    /** Marks a request whose SIP version is not 2.0, for {@link EdgeValve} to answer 505. */
    static final Object UNSUPPORTED_VERSION = new Object();
    /** The reason phrase of the 400 for a message JAIN-SIP's parser refused. */
    static final String MALFORMED = "Malformed message";

    private final StringMsgParser delegate = new StringMsgParser();

    @Override
    public SIPMessage parseSIPMessage(byte[] message, boolean readBody, boolean strict, ParseExceptionListener listener)
            throws ParseException {
        try {
            RawMessageCheck.check(message);
        } catch (ParseException e) {
            LOG.debug("refused before parsing: {}", e.getMessage());
            throw e;
        }
        SIPMessage parsed;
        try {
            parsed = delegate.parseSIPMessage(message, readBody, strict, listener);
        } catch (ParseException e) {
            // JAIN-SIP puts the message of this exception into the reason phrase of its 400: the parser's own
            // words name the library and echo the sender's bytes. Ours say what is wrong and nothing else.
            LOG.debug("parser refused: {}", e.getMessage());
            throw new ParseException(MALFORMED, e.getErrorOffset());
        }
        if (parsed != null && !RawMessageCheck.isSip20Request(message)) {
            LOG.debug("not SIP/2.0: {}", parsed.getFirstLine());
            parsed.setApplicationData(UNSUPPORTED_VERSION);
        }
        return parsed;
    }
}
