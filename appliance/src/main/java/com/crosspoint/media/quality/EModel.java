package com.crosspoint.media.quality;

/**
 * The ITU-T G.107 E-model, simplified for the appliance: every transmission parameter stays at its
 * G.107 Table 3 default (so Ro and Is are constants and R = 93.2 with nothing impaired) and only
 * delay, codec impairment and packet loss vary. Talker echo uses T = Ta and listener echo
 * Tr = 2·Ta, the usual assumption when only the mouth-to-ear delay is known.
 *
 * <pre>
 *   R = Ro − Is − Id − Ie,eff + A
 *   Ie,eff = Ie + (95 − Ie) · Ppl / (Ppl / BurstR + Bpl)
 *   MOS = 1 + 0.035·R + R·(R − 60)·(100 − R)·7·10⁻⁶   (0 &lt; R &lt; 100; 1 below, 4.5 above)
 * </pre>
 *
 * @param ie  equipment impairment of the codec (G.113 Appendix I)
 * @param bpl packet-loss robustness of the codec (G.113 Appendix I)
 */
public record EModel(double ie, double bpl) {
    /** G.711 with packet-loss concealment (G.113 Appendix I, Table I.3). */
    public static final EModel G711_PLC = new EModel(0, 25.1);
    /** G.711 without concealment: lost packets are silence. */
    public static final EModel G711_NO_PLC = new EModel(0, 4.3);

    // G.107 Table 3 defaults
    private static final double SLR = 8;
    private static final double RLR = 2;
    private static final double STMR = 15;
    private static final double LSTR = 18;
    private static final double DS = 3;
    private static final double TELR = 65;
    private static final double WEPL = 110;
    private static final double QDU = 1;
    private static final double NC = -70;
    private static final double PS = 35;
    private static final double PR = 35;
    private static final double NFOR = -64;
    private static final double A = 0;

    /** Total noise No (G.107 eq. 7-2..7-6), dBm0p. */
    static final double NO;
    /** Basic signal-to-noise ratio Ro (eq. 7-1). */
    static final double RO;
    /** Simultaneous impairment Is = Iolr + Ist + Iq (eq. 7-8). */
    static final double IS;

    static {
        double olr = SLR + RLR;
        double nos = PS - SLR - DS - 100 + 0.004 * Math.pow(PS - olr - DS - 14, 2);
        double pre = PR + 10 * Math.log10(1 + Math.pow(10, (10 - LSTR) / 10));
        double nor = RLR - 121 + pre + 0.008 * Math.pow(pre - 35, 2);
        double nfo = NFOR + RLR;
        NO = 10 * Math.log10(Math.pow(10, NC / 10) + Math.pow(10, nos / 10) + Math.pow(10, nor / 10)
                + Math.pow(10, nfo / 10));
        RO = 15 - 1.5 * (SLR + NO);

        double xolr = olr + 0.2 * (64 + NO - RLR);
        double iolr = 20 * (Math.pow(1 + Math.pow(xolr / 8, 8), 1.0 / 8) - xolr / 8);
        double stmro = -10 * Math.log10(Math.pow(10, -STMR / 10) + Math.pow(10, -TELR / 10)); // T = 0 here
        double ist = 12 * Math.pow(1 + Math.pow((stmro - 13) / 6, 8), 1.0 / 8)
                - 28 * Math.pow(1 + Math.pow((stmro + 1) / 19.4, 35), 1.0 / 35)
                - 13 * Math.pow(1 + Math.pow((stmro - 3) / 33, 13), 1.0 / 13) + 29;
        double q = 37 - 15 * Math.log10(QDU);
        double g = 1.07 + 0.258 * q + 0.0602 * q * q;
        double y = (RO - 100) / 15 + 46 / 8.4 - g / 9;
        double z = 46 / 30.0 - g / 40;
        double iq = 15 * Math.log10(1 + Math.pow(10, y) + Math.pow(10, z));
        IS = iolr + ist + iq;
    }

    public EModel {
        if (ie < 0 || ie > 95 || !Double.isFinite(ie)) {
            throw new IllegalArgumentException("Ie must be 0..95: " + ie);
        }
        if (bpl <= 0 || !Double.isFinite(bpl)) {
            throw new IllegalArgumentException("Bpl must be positive: " + bpl);
        }
    }

    /**
     * The rating factor R.
     *
     * @param oneWayDelayMillis   mouth-to-ear delay Ta, ms (network + jitter buffer + codec)
     * @param packetLossPercent   Ppl, 0..100
     * @param burstRatio          BurstR: 1 for random loss, above 1 for bursty loss
     */
    public double rating(double oneWayDelayMillis, double packetLossPercent, double burstRatio) {
        if (oneWayDelayMillis < 0 || !Double.isFinite(oneWayDelayMillis)) {
            throw new IllegalArgumentException("delay must be non-negative: " + oneWayDelayMillis);
        }
        if (packetLossPercent < 0 || packetLossPercent > 100 || Double.isNaN(packetLossPercent)) {
            throw new IllegalArgumentException("loss must be 0..100 %: " + packetLossPercent);
        }
        if (burstRatio < 1 || !Double.isFinite(burstRatio)) {
            throw new IllegalArgumentException("BurstR must be at least 1: " + burstRatio);
        }
        return RO - IS - delayImpairment(oneWayDelayMillis) - effectiveEquipmentImpairment(packetLossPercent, burstRatio)
                + A;
    }

    /** Ie,eff (G.107 eq. 7-29). */
    public double effectiveEquipmentImpairment(double packetLossPercent, double burstRatio) {
        return ie + (95 - ie) * packetLossPercent / (packetLossPercent / burstRatio + bpl);
    }

    /** Id = Idte + Idle + Idd (G.107 §7.4), with T = Ta and Tr = 2·Ta. */
    static double delayImpairment(double ta) {
        double t = ta;
        double tr = 2 * ta;
        // talker echo (eq. 7-19..7-22); vanishes at T = 0 through the (1 − e^−T) factor
        double terv = TELR - 40 * Math.log10((1 + t / 10) / (1 + t / 150)) + 6 * Math.exp(-0.3 * t * t);
        double roe = -1.5 * (NO - RLR);
        double re = 80 + 2.5 * (terv - 14);
        double idte = ((roe - re) / 2 + Math.sqrt(Math.pow(roe - re, 2) / 4 + 100) - 1) * (1 - Math.exp(-t));
        // listener echo (eq. 7-23, 7-24)
        double rle = 10.5 * (WEPL + 7) * Math.pow(tr + 1, -0.25);
        double idle = (RO - rle) / 2 + Math.sqrt(Math.pow(RO - rle, 2) / 4 + 169);
        // absolute delay (eq. 7-27, 7-28): only beyond 100 ms
        double idd = 0;
        if (ta > 100) {
            double x = Math.log10(ta / 100) / Math.log10(2);
            idd = 25 * (Math.pow(1 + Math.pow(x, 6), 1.0 / 6) - 3 * Math.pow(1 + Math.pow(x / 3, 6), 1.0 / 6) + 2);
        }
        return idte + idle + idd;
    }

    /** MOS (conversational, estimated) from R, G.107 Annex B eq. B-4, clamped to 1..4.5. */
    public static double mos(double r) {
        if (r <= 0) {
            return 1;
        }
        if (r >= 100) {
            return 4.5;
        }
        double mos = 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
        return Math.max(1, Math.min(4.5, mos));
    }

    /** MOS for the given conditions: {@code mos(rating(...))}. */
    public double mos(double oneWayDelayMillis, double packetLossPercent, double burstRatio) {
        return mos(rating(oneWayDelayMillis, packetLossPercent, burstRatio));
    }
}
