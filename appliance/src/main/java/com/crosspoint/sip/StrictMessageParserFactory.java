package com.crosspoint.sip;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/** Named in the stack properties so every transport parses through {@link StrictMessageParser}. */
public final class StrictMessageParserFactory implements MessageParserFactory {
    /** Shared like JAIN-SIP's own factory shares its parser: the stack asks for one per channel. */
    private static final StrictMessageParser PARSER = new StrictMessageParser();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return PARSER;
    }
}
