package com.crosspoint.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Did;
import com.crosspoint.model.User;
import com.crosspoint.store.DidStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrunkIngressTest {
    private final Dids dids = new Dids();
    private final TrunkIngress ingress = new TrunkIngress(List.of(TrunkTarget.parse("192.0.2.1:5060"),
            TrunkTarget.parse("192.0.2.2:5080;transport=tcp")), dids, NumberPlan.northAmerica());

    @Test
    void aUdpServerIsKnownByAddressAndPortAStreamServerByAddress() {
        assertThat(ingress.fromTrunk("192.0.2.1", 5060)).isTrue();
        assertThat(ingress.fromTrunk("192.0.2.1", 5062)).as("a phone on the router's host").isFalse();
        assertThat(ingress.fromTrunk("192.0.2.2", 40123)).isTrue();
        assertThat(ingress.fromTrunk("192.0.2.3", 5060)).isFalse();
    }

    @Test
    void aDidIsFoundHoweverTheCarrierWritesIt() {
        Did did = dids.create(new Did(0, 1, "+16465550100", "1001", false));

        assertThat(ingress.didFor("+16465550100")).contains(did);
        assertThat(ingress.didFor("16465550100")).contains(did);
        assertThat(ingress.didFor("6465550100")).contains(did);
        assertThat(ingress.didFor("+16465550101")).isEmpty();
        assertThat(ingress.didFor("anything")).isEmpty();
    }

    @Test
    void callerIdsComeFromTheUsersOwnDidElseTheTenantsMainOne() {
        dids.create(new Did(0, 1, "+16465550199", "1001", false));
        dids.create(new Did(0, 1, "+16465550100", "1001", false));
        dids.create(new Did(0, 1, "+16465550000", "700", true));
        DidCallerIds callerIds = new DidCallerIds(dids);

        assertThat(callerIds.of(user("1001"))).contains("+16465550100");
        assertThat(callerIds.of(user("1002"))).contains("+16465550000");
        assertThat(new DidCallerIds(new Dids()).of(user("1001"))).isEmpty();
    }

    private static User user(String extension) {
        return new User(10, 1, extension, "U", null, CallSettings.defaults());
    }

    /** DIDs in memory: what the ingress and the caller IDs read. */
    private static final class Dids implements DidStore {
        private final List<Did> rows = new ArrayList<>();

        @Override
        public Did create(Did did) {
            Did saved = new Did(rows.size() + 1L, did.tenantId(), did.number(), did.extension(), did.main());
            rows.add(saved);
            return saved;
        }

        @Override
        public Optional<Did> findByNumber(String number) {
            return rows.stream().filter(d -> d.number().equals(number)).findFirst();
        }

        @Override
        public List<Did> list(long tenantId) {
            return rows.stream().filter(d -> d.tenantId() == tenantId).toList();
        }

        @Override
        public Did update(Did did) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(long id) {
            throw new UnsupportedOperationException();
        }
    }
}
