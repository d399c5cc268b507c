package com.crosspoint.api.dto;

import com.crosspoint.acd.Member;
import java.util.Map;

/** A member of a queue: a user, with their skills (name to level, 1 the best); {@code skills} may be left out. */
public record MemberDto(Long userId, Map<String, Integer> skills) {
    public static MemberDto of(Member m) {
        return new MemberDto(m.userId(), m.skills());
    }
}
