package com.crosspoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.trunk.TrunkTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayTablesTest {
    private static final TrunkTarget PBX1 = TrunkTarget.parse("192.0.2.1:5060");
    private static final TrunkTarget PBX2 = TrunkTarget.parse("192.0.2.2:5060");
    private static final TrunkTarget PBX3 = TrunkTarget.parse("192.0.2.3:5060;transport=tcp");

    @Test
    void theLongestPrefixSaysWhichNodeServesADid() {
        DidRoutes routes = new DidRoutes(List.of(DidRoute.parse("+1646555=192.0.2.1:5060|192.0.2.2:5060"),
                DidRoute.parse("+16465550100 = 192.0.2.3:5060;transport=tcp | 192.0.2.1:5060")));

        assertThat(routes.routeOf("+16465550100")).get().extracting(DidRoute::primary).isEqualTo(PBX3);
        assertThat(routes.routeOf("+16465550199")).get().extracting(DidRoute::primary).isEqualTo(PBX1);
        assertThat(routes.routeOf("+16465550199")).get().extracting(DidRoute::backup).isEqualTo(PBX2);
        assertThat(routes.routeOf("+12125550100")).isEmpty();
        assertThat(routes.routeOf("+1")).isEmpty();
    }

    @Test
    void badRoutesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> DidRoute.parse("+1646=192.0.2.1:5060")).hasMessageContaining("primary|backup");
        assertThatThrownBy(() -> DidRoute.parse("1646=192.0.2.1:5060|192.0.2.2:5060")).hasMessageContaining("+ and digits");
        assertThatThrownBy(() -> DidRoute.parse("+1646=192.0.2.1:5060|192.0.2.1:5060")).hasMessageContaining("backup");
        assertThatThrownBy(() -> new DidRoutes(List.of(DidRoute.parse("+1646=192.0.2.1:5060|192.0.2.2:5060"),
                DidRoute.parse("+1646=192.0.2.2:5060|192.0.2.1:5060")))).hasMessageContaining("two routes");
    }

    @Test
    void twoSpansTake48CallsAndRefuseThe49thUntilOneEnds() {
        TrunkGroup group = new TrunkGroup(2);
        List<TrunkGroup.Seat> seats = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            seats.add(group.seize().orElseThrow());
        }

        assertThat(group.seize()).isEqualTo(Optional.empty());
        assertThat(group.refused()).isOne();
        assertThat(group.span(0)).isEqualTo(new TrunkGroup.SpanCount(0, 24, 24));
        assertThat(group.span(1)).isEqualTo(new TrunkGroup.SpanCount(1, 24, 24));
        assertThat(seats.get(0).span()).isZero();
        assertThat(seats.get(47).span()).isOne();

        group.release(seats.get(30));
        assertThat(group.seize()).contains(new TrunkGroup.Seat(1));
        assertThat(group.inUse()).isEqualTo(48);
        assertThatThrownBy(() -> new TrunkGroup(9)).hasMessageContaining("1..8");
    }
}
