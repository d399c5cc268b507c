package com.crosspoint.store.derby;

import com.crosspoint.acr.policy.RoutingPolicy;
import com.crosspoint.store.RoutingPolicyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/** The routing policy in the one row of {@code router_policy}. */
final class DerbyRoutingPolicyStore implements RoutingPolicyStore {
    private static final int ROW = 1;
    private static final Table POLICY = Table.named("router_policy")
            .columns("price_weight", "quality_weight", "availability_weight", "asr_weight", "ner_weight", "pdd_weight",
                    "mos_weight", "min_asr", "max_pdd_ms", "min_mos", "min_attempts", "min_mos_samples", "pdd_zero_ms")
            .key("id");

    private final Transactions tx;

    DerbyRoutingPolicyStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<RoutingPolicy> load() {
        return tx.run(sql -> sql.first(POLICY.select("WHERE id = ?"), DerbyRoutingPolicyStore::map, ROW));
    }

    @Override
    public void save(RoutingPolicy policy) {
        tx.run(sql -> {
            Object[] row = row(policy);
            if (sql.update(POLICY, row) == 0) {
                sql.insert(POLICY, row);
            }
            return null;
        });
    }

    @Override
    public void clear() {
        tx.run(sql -> sql.update(POLICY.delete(), ROW));
    }

    private static Object[] row(RoutingPolicy p) {
        RoutingPolicy.Weights w = p.weights();
        RoutingPolicy.QualityMix q = p.qualityMix();
        RoutingPolicy.Floors f = p.floors();
        RoutingPolicy.Evidence e = p.evidence();
        return new Object[] {w.price(), w.quality(), w.availability(), q.asr(), q.ner(), q.pdd(), q.mos(), f.minAsr(),
                f.maxPdd().toMillis(), f.minMos(), e.minAttempts(), e.minMosSamples(), e.pddForZeroScore().toMillis(),
                ROW};
    }

    private static RoutingPolicy map(ResultSet r) throws SQLException {
        return new RoutingPolicy(
                new RoutingPolicy.Weights(r.getDouble("price_weight"), r.getDouble("quality_weight"),
                        r.getDouble("availability_weight")),
                new RoutingPolicy.QualityMix(r.getDouble("asr_weight"), r.getDouble("ner_weight"),
                        r.getDouble("pdd_weight"), r.getDouble("mos_weight")),
                new RoutingPolicy.Floors(r.getDouble("min_asr"), Duration.ofMillis(r.getLong("max_pdd_ms")),
                        r.getDouble("min_mos")),
                new RoutingPolicy.Evidence(r.getInt("min_attempts"), r.getInt("min_mos_samples"),
                        Duration.ofMillis(r.getLong("pdd_zero_ms"))));
    }
}
