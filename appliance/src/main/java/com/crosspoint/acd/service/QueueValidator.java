package com.crosspoint.acd.service;

import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.Strategy;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.InvalidValueException;
import com.crosspoint.model.User;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a queue and its members must be, each refusal naming the field. */
final class QueueValidator {
    static final int MAX_NAME = 64;
    private final Directory directory;

    QueueValidator(Directory directory) {
        this.directory = directory;
    }

    void check(QueueConfig q) {
        InvalidValueException.require(q.number().matches("[0-9]{2,10}"), "number", "2 to 10 digits");
        InvalidValueException.require(directory.userByExtension(q.tenantId(), q.number()).isEmpty(), "number",
                "extension " + q.number() + " is a user's");
        InvalidValueException.require(!q.name().isBlank() && q.name().length() <= MAX_NAME, "name",
                "1 to " + MAX_NAME + " characters");
        String overflow = q.overflowTarget();
        InvalidValueException.require(overflow == null || overflow.matches("(voicemail:)?[0-9*#+]{1,32}"),
                "overflowTarget", "a number, or voicemail:<extension>");
        InvalidValueException.require(overflow == null || !overflow.equals(q.number()), "overflowTarget",
                "a queue cannot overflow into itself");
        InvalidValueException.require(q.skill() == null || q.skill().matches("[A-Za-z0-9_-]{1,32}"), "skill",
                "1 to 32 letters, digits, _ or -");
        InvalidValueException.require(q.strategy() != Strategy.SKILLS_BASED || q.skill() != null, "skill",
                "a skills-based queue names the skill it asks for");
        InvalidValueException.require(q.noAnswerSeconds() <= 300, "noAnswerSeconds", "1 to 300");
    }

    void checkMembers(QueueConfig q, List<Member> members) {
        Set<Long> seen = new HashSet<>();
        for (Member m : members) {
            InvalidValueException.require(seen.add(m.userId()), "members", "user " + m.userId() + " is named twice");
            User user = directory.user(m.userId()).orElse(null);
            InvalidValueException.require(user != null && user.tenantId() == q.tenantId(), "members",
                    "no user " + m.userId() + " in the tenant");
        }
    }
}
