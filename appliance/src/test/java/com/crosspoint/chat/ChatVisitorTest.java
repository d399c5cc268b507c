package com.crosspoint.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatVisitorTest {
    @Test
    void aVisitorKeepsWhatItTypedTrimmedAndBlankOptionalsBecomeNull() {
        ChatVisitor v = ChatVisitor.of("  <b>Zoë</b> ", " ", "", "192.0.2.1");
        assertThat(v).isEqualTo(new ChatVisitor("<b>Zoë</b>", null, null, "192.0.2.1"));
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThatThrownBy(() -> ChatVisitor.of("", null, null, "s")).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> ChatVisitor.of("x".repeat(81), null, null, "s")).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> ChatVisitor.of("a\u0000b", null, null, "s")).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> ChatVisitor.of("Ann", "not-mail", null, "s")).extracting("field").isEqualTo("email");
        assertThatThrownBy(() -> ChatVisitor.of("Ann", null, "javascript:alert(1)", "s")).extracting("field")
                .isEqualTo("page");
    }
}
