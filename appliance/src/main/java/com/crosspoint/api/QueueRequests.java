package com.crosspoint.api;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.Strategy;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.api.dto.AgentRequest;
import com.crosspoint.api.dto.MemberDto;
import com.crosspoint.api.dto.QueueRequest;
import com.crosspoint.model.User;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Request bodies of the contact center's endpoints turned into its values, each bad field named (400). */
final class QueueRequests {
    static final int DEFAULT_NO_ANSWER = 15;
    static final int DEFAULT_MISSES = 3;
    static final int DEFAULT_SERVICE_LEVEL = 20;
    private static final int DAY = 86_400;

    private QueueRequests() {
    }

    static QueueConfig queue(long id, long tenantId, QueueRequest b) {
        if (b == null) {
            throw ApiException.badRequest("number", "a queue is required");
        }
        String number = required(b.number(), "number");
        String name = required(b.name(), "name");
        Strategy strategy = strategy(b.strategy());
        return new QueueConfig(id, tenantId, number, name, strategy,
                seconds(b.maxWaitSeconds(), 0, 0, DAY, "maxWaitSeconds"),
                seconds(b.maxLength(), 0, 0, 10_000, "maxLength"),
                b.overflowTarget() == null || b.overflowTarget().isBlank() ? null : b.overflowTarget(),
                seconds(b.announceSeconds(), 0, 0, 3600, "announceSeconds"),
                seconds(b.noAnswerSeconds(), DEFAULT_NO_ANSWER, 1, 300, "noAnswerSeconds"),
                seconds(b.missesBeforePause(), DEFAULT_MISSES, 0, 100, "missesBeforePause"),
                seconds(b.wrapUpSeconds(), 0, 0, 3600, "wrapUpSeconds"),
                seconds(b.serviceLevelSeconds(), DEFAULT_SERVICE_LEVEL, 0, 3600, "serviceLevelSeconds"),
                b.skill() == null || b.skill().isBlank() ? null : b.skill(),
                seconds(b.widenAfterSeconds(), 0, 0, 3600, "widenAfterSeconds"),
                seconds(b.callbackAfterSeconds(), 0, 0, DAY, "callbackAfterSeconds"),
                Boolean.TRUE.equals(b.chatWhileOnCall()),
                seconds(b.callbackRetries(), QueueConfig.DEFAULT_CALLBACK_RETRIES, 0, 10, "callbackRetries"),
                seconds(b.callbackRetrySeconds(), QueueConfig.DEFAULT_CALLBACK_RETRY_SECONDS, 10, 3600,
                        "callbackRetrySeconds"));
    }

    static List<Member> members(long queueId, List<MemberDto> body) {
        if (body == null) {
            throw ApiException.badRequest("members", "a list of members is required");
        }
        return body.stream().map(m -> {
            if (m == null || m.userId() == null) {
                throw ApiException.badRequest("members", "each member names its userId");
            }
            try {
                return new Member(queueId, m.userId(), m.skills() == null ? Map.of() : m.skills());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiException.badRequest("members", e.getMessage());
            }
        }).toList();
    }

    /** The change an agent (or a supervisor for them) asks for. */
    static AgentBoard.Change agent(AcdService acd, User user, AgentRequest b) {
        if (b == null || b.status() == null) {
            throw ApiException.badRequest("status", "AVAILABLE, PAUSED or LOGGED_OUT");
        }
        switch (b.status()) {
            case "AVAILABLE" -> {
                int chats = seconds(b.chatCapacity(), acd.limits().agentChatCapacity(), 0, 20, "chatCapacity");
                return acd.center().agentState(user.id()).filter(s -> s.status().loggedIn()).isPresent()
                        ? new AgentBoard.Resume(user.id())
                        : new AgentBoard.Login(user.tenantId(), user.id(), user.extension(), chats);
            }
            case "PAUSED" -> {
                String reason = b.reason() == null || b.reason().isBlank() ? "paused" : b.reason().strip();
                try {
                    return new AgentBoard.Pause(user.id(), reason);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("reason", e.getMessage());
                }
            }
            case "LOGGED_OUT" -> {
                return new AgentBoard.Logout(user.id());
            }
            default -> throw ApiException.badRequest("status", "AVAILABLE, PAUSED or LOGGED_OUT");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, "is required");
        }
        return value.strip();
    }

    private static Strategy strategy(String value) {
        String given = required(value, "strategy");
        try {
            return Strategy.valueOf(given.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("strategy", "one of RING_ALL, LONGEST_IDLE, ROUND_ROBIN, FEWEST_CALLS,"
                    + " RANDOM, SKILLS_BASED");
        }
    }

    private static int seconds(Integer value, int fallback, int min, int max, String field) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw ApiException.badRequest(field, "must be " + min + ".." + max);
        }
        return v;
    }
}
