package cn.juesuan.selfeval;

import cn.juesuan.model.ReportData;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.rules.Finding;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        var reg = Fixtures.registry();
        for (String seed : Fixtures.EVALS) {
            ReportData data = Fixtures.seed(seed);
            ReadResult r = new WorkbookReader(reg).read(new Filler(reg).fill(data), null);
            var v = EvalValidator.load(reg, reg.get(r.data().profile()));
            System.out.println("=== " + seed);
            for (Finding f : v.validate(r)) {
                System.out.println(f.ruleId() + " " + f.severity().label() + " [" + f.sheet() + "!" + String.join(",", f.cells()) + "] " + f.message());
            }
        }
    }
}
