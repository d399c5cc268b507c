package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.AcdBoard;
import com.crosspoint.console.client.AcdQueueFigures;
import com.crosspoint.console.client.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.crosspoint.console.viewmodel.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The ACD tab's "Move caller": enabled with a caller selected and another queue, the move asked, the outcome said. */
class AcdMoveViewModelTest {
    private final FakeConsoleApi api = new FakeConsoleApi();
    private final AcdViewModel vm = new AcdViewModel(() -> api, Runnable::run, new MutableClock(T0), 7L);

    private static AcdBoard.QueueBoard queue(long id, String number, String name, AcdBoard.WaitingCaller... waiting) {
        return new AcdBoard.QueueBoard(new AcdQueueFigures(id, number, name, waiting.length, 0, 0, 0, 0, 0, 0, 100, 0,
                Map.of()), 20, List.of(waiting));
    }

    @Test
    void aSelectedCallerMovesToAnotherQueueAndTheBoardIsReadAgain() {
        vm.start();
        api.answerBoard(new AcdBoard(T0, List.of(
                queue(3, "600", "Support", new AcdBoard.WaitingCaller(11, 1, "+15550001", "Ann", T0, false)),
                queue(4, "601", "Sales")), List.of()));
        assertThat(vm.canMoveProperty().get()).as("nobody selected").isFalse();
        WaitingRow ann = vm.waiting().get(0);
        vm.selectedCallerProperty().set(ann);
        assertThat(vm.canMoveProperty().get()).isTrue();
        assertThat(vm.moveTargets(ann)).extracting(q -> q.nameProperty().get()).containsExactly("Sales");

        vm.move(ann, vm.moveTargets(ann).get(0));
        assertThat(api.moves).containsExactly("7/3/11->4");
        assertThat(vm.canMoveProperty().get()).as("one move at a time").isFalse();
        api.moveResults.get(0).complete(null);

        assertThat(vm.messageProperty().get()).isEqualTo("Ann (+15550001) waits in Sales now.");
        assertThat(api.boardRequests).containsExactly(7L, 7L);
    }

    @Test
    void aRefusedMoveIsSaidAndALoneQueueOffersNoMove() {
        vm.start();
        api.answerBoard(new AcdBoard(T0, List.of(
                queue(3, "600", "Support", new AcdBoard.WaitingCaller(11, 1, "+15550001", "", T0, false))), List.of()));
        WaitingRow row = vm.waiting().get(0);
        vm.selectedCallerProperty().set(row);
        assertThat(vm.canMoveProperty().get()).as("no other queue").isFalse();

        vm.move(row, vm.queues().get(0));
        api.moveResults.get(0).completeExceptionally(new ApiException(409, "entry 11 no longer waits", "entryId"));
        assertThat(vm.messageProperty().get()).isEqualTo("Could not move +15550001: entry 11 no longer waits");
    }
}
