package cn.juesuan.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The other tables' median taken from one sorted list is the one sorting the other tables' amounts gives. */
class UnitMagnitudeMedianTest {

    @Test
    void medianWithoutIsTheMedianOfTheOthers() {
        Random rnd = new Random(11);
        for (int round = 0; round < 500; round++) {
            List<List<BigDecimal>> sizes = new ArrayList<>();
            for (int t = rnd.nextInt(6) + 1; t > 0; t--) {
                List<BigDecimal> table = new ArrayList<>();
                for (int n = rnd.nextInt(8); n > 0; n--) {
                    // few distinct values, two scales: ties of equal value and different scale
                    table.add(BigDecimal.valueOf(rnd.nextInt(5) * 10L, 1).setScale(rnd.nextInt(2) + 1));
                }
                sizes.add(table);
            }
            List<UnitMagnitudeRule.Amount> all = UnitMagnitudeRule.sorted(sizes);
            for (int i = 0; i < sizes.size(); i++) {
                List<BigDecimal> others = new ArrayList<>();
                for (int j = 0; j < sizes.size(); j++) {
                    if (j != i) {
                        others.addAll(sizes.get(j));
                    }
                }
                BigDecimal expected = UnitMagnitudeRule.median(others);
                BigDecimal got = UnitMagnitudeRule.medianWithout(all, i, all.size() - sizes.get(i).size());
                if (expected == null) {
                    assertEquals(null, got);
                } else {
                    assertSame(expected, got, sizes + " without " + i);
                }
            }
        }
    }
}
