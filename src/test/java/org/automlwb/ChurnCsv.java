package org.automlwb;

import java.util.Locale;
import java.util.Random;

/** A synthetic churn table as CSV text, shared by the predict and serve tests so both score the same kind of rows. */
public final class ChurnCsv {
    private ChurnCsv() { }

    /**
     * Churn rows: usage shifted by {@code shift}; {@code odd} replaces the 'basic' plan (e.g. with an unseen
     * category).
     */
    public static String rows(Random rng, int n, double shift, String odd) {
        StringBuilder sb = new StringBuilder("customer,age,plan,usage,churn\n");
        String[] plans = {odd, "plus", "pro"};
        for (int i = 0; i < n; i++) {
            int age = 18 + rng.nextInt(60);
            int plan = rng.nextInt(3);
            double usage = rng.nextGaussian() * 10 + 50 + shift;
            double z = 0.08 * (usage - 50 - shift) + (plan == 0 ? 0.8 : -0.4) + rng.nextGaussian() * 0.7;
            sb.append("c-").append(i).append(',').append(rng.nextInt(10) == 0 ? "" : String.valueOf(age)).append(',')
                    .append(plans[plan]).append(',').append(String.format(Locale.ROOT, "%.2f", usage)).append(',')
                    .append(z > 0 ? "yes" : "no").append('\n');
        }
        return sb.toString();
    }
}
