package com.crosspoint.acd;

import static com.crosspoint.acd.Agents.available;
import static com.crosspoint.acd.Agents.byId;
import static com.crosspoint.acd.Agents.member;
import static com.crosspoint.acd.Agents.queue;
import static com.crosspoint.acd.Agents.skilled;
import static com.crosspoint.acd.Agents.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgentPickerTest {
    private static final List<Member> THREE = List.of(member(1), member(2), member(3));

    /** strategy, members, states, last offered, excluded, waited seconds, random pick, expected user ids. */
    static Stream<Arguments> table() {
        List<AgentState> allFree = List.of(available(1, 30, 5), available(2, 10, 2), available(3, 20, 9));
        return Stream.of(
                Arguments.of("ring-all rings every free agent", Strategy.RING_ALL, THREE,
                        List.of(available(1, 0, 0), withStatus(2, AgentStatus.ON_CALL), available(3, 0, 0)),
                        0L, Set.of(), 0L, 0, List.of(1L, 3L)),
                Arguments.of("longest-idle picks the agent idle longest", Strategy.LONGEST_IDLE, THREE, allFree,
                        0L, Set.of(), 0L, 0, List.of(2L)),
                Arguments.of("longest-idle skips an agent who missed the entry", Strategy.LONGEST_IDLE, THREE,
                        allFree, 0L, Set.of(2L), 0L, 0, List.of(3L)),
                Arguments.of("round-robin goes on after the last offered", Strategy.ROUND_ROBIN, THREE, allFree,
                        2L, Set.of(), 0L, 0, List.of(3L)),
                Arguments.of("round-robin wraps around", Strategy.ROUND_ROBIN, THREE, allFree,
                        3L, Set.of(), 0L, 0, List.of(1L)),
                Arguments.of("round-robin skips a busy agent", Strategy.ROUND_ROBIN, THREE,
                        List.of(available(1, 0, 0), available(2, 0, 0), withStatus(3, AgentStatus.PAUSED)),
                        2L, Set.of(), 0L, 0, List.of(1L)),
                Arguments.of("round-robin starts at the first member", Strategy.ROUND_ROBIN, THREE, allFree,
                        0L, Set.of(), 0L, 0, List.of(1L)),
                Arguments.of("fewest-calls picks the agent with fewest answered", Strategy.FEWEST_CALLS, THREE,
                        allFree, 0L, Set.of(), 0L, 0, List.of(2L)),
                Arguments.of("random takes the index the source gives", Strategy.RANDOM, THREE, allFree,
                        0L, Set.of(), 0L, 2, List.of(3L)),
                Arguments.of("skills-based picks the level-1 agent", Strategy.SKILLS_BASED,
                        List.of(skilled(1, 2), skilled(2, 1), skilled(3, 3)), allFree, 0L, Set.of(), 0L, 0,
                        List.of(2L)),
                Arguments.of("skills-based waits for level 1 before widening", Strategy.SKILLS_BASED,
                        List.of(skilled(1, 2), skilled(2, 1)),
                        List.of(available(1, 0, 0), withStatus(2, AgentStatus.ON_CALL)), 0L, Set.of(), 29L, 0,
                        List.of()),
                Arguments.of("skills-based widens to level 2 after the wait", Strategy.SKILLS_BASED,
                        List.of(skilled(1, 2), skilled(2, 1)),
                        List.of(available(1, 0, 0), withStatus(2, AgentStatus.ON_CALL)), 0L, Set.of(), 30L, 0,
                        List.of(1L)),
                Arguments.of("skills-based never offers an agent without the skill", Strategy.SKILLS_BASED,
                        List.of(member(1)), List.of(available(1, 0, 0)), 0L, Set.of(), 600L, 0, List.of()),
                Arguments.of("nobody free: nobody", Strategy.LONGEST_IDLE, THREE,
                        List.of(withStatus(1, AgentStatus.WRAP_UP), withStatus(2, AgentStatus.RINGING),
                                withStatus(3, AgentStatus.LOGGED_OUT)), 0L, Set.of(), 0L, 0, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void picks(String name, Strategy strategy, List<Member> members, List<AgentState> states, long lastOffered,
               Set<Long> excluded, long waited, int randomPick, List<Long> expected) {
        AgentPicker picker = new AgentPicker(n -> randomPick);

        List<AgentState> picked = picker.pick(queue(strategy), members, byId(states), lastOffered, excluded, waited);

        assertThat(picked).extracting(AgentState::userId).containsExactlyElementsOf(expected);
    }
}
