package cn.juesuan.template;

import cn.juesuan.model.ReportData;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** read(fill(data)) == data for the self-evaluation sheets transcribed from the seeds. */
class SelfEvalRoundTripTest {
    static final java.util.List<String> SEEDS = Fixtures.EVALS;
    private final Filler filler = new Filler(Fixtures.registry());
    private final WorkbookReader reader = new WorkbookReader(Fixtures.registry());

    @ParameterizedTest
    @FieldSource("SEEDS")
    void selfEvaluationsSurviveFillAndRead(String seed) throws Exception {
        ReportData data = Fixtures.seed(seed);
        byte[] xlsx = filler.fill(data);
        ReadResult back = reader.read(xlsx, null);
        assertTrue(back.notes().isEmpty(), () -> "unexpected notes: " + back.notes());
        assertEquals(Fixtures.json(data), Fixtures.json(back.data()));
        assertEquals(data, back.data());
    }
}
