package com.crosspoint.acd;

import java.util.Map;
import java.util.Objects;

/**
 * An agent's membership of a queue, with the agent's skills (name to level, 1 the best) for skills-based queues.
 */
public record Member(long queueId, long userId, Map<String, Integer> skills) {
    public Member {
        Objects.requireNonNull(skills, "skills");
        skills = Map.copyOf(skills);
        skills.forEach((skill, level) -> {
            if (!skill.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("a skill is 1 to 32 letters, digits, _ or -: " + skill);
            }
            if (level < 1 || level > 9) {
                throw new IllegalArgumentException("a skill's level is 1 to 9: " + skill + "=" + level);
            }
        });
    }

    /** The level of {@code skill}, or 0 when the agent does not have it. */
    public int level(String skill) {
        return skill == null ? 0 : skills.getOrDefault(skill, 0);
    }
}
