package cn.juesuan.selfeval;

import cn.juesuan.rules.Finding;
import cn.juesuan.rules.Validator;
import cn.juesuan.rules.Severity;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The findings on the seed sheets as published (transcribed, filled, read back and checked with the profile's rules):
 * the real errors of the seeds are found and located to their cells.
 */
class SeedFindingsTest {

    static final Validator VALIDATOR = new Validator(Fixtures.registry(), null);

    private static List<Finding> findings(String seed) {
        return VALIDATOR.validate(new Filler(Fixtures.registry()).fill(Fixtures.seed(seed)), null).findings();
    }

    private static List<Finding> of(List<Finding> all, String ruleId, Severity s) {
        return all.stream().filter(f -> f.ruleId().equals(ruleId) && f.severity() == s).toList();
    }

    private static long count(List<Finding> all, Severity s) {
        return all.stream().filter(f -> f.severity() == s).count();
    }

    private static String dump(List<Finding> all) {
        StringBuilder b = new StringBuilder();
        all.forEach(f -> b.append('\n').append(f.ruleId()).append(' ').append(f.severity().label()).append(" [").append(f.sheet())
                .append('!').append(String.join(",", f.cells())).append("] ").append(f.message()));
        return b.toString();
    }

    @Test
    void seed004SuiningWeightsAndMissedTargets() {
        List<Finding> all = findings(Fixtures.EVAL_004);
        List<Finding> totals = of(all, "SE1", Severity.ERROR);
        assertEquals(2, totals.size(), dump(all));
        assertTrue(totals.get(0).sheet().contains("科技创新券补助") && totals.get(0).reported().intValue() == 180, dump(totals));
        assertTrue(totals.get(1).sheet().contains("科技企业、科技项目服务管理") && totals.get(1).reported().intValue() == 100, dump(totals));
        List<Finding> w105 = of(all, "SE3", Severity.ERROR);
        assertEquals(1, w105.size());
        assertEquals(List.of("H22"), w105.get(0).cells(), "the cell holding 105");
        assertEquals(3, count(all, Severity.ERROR), dump(all));
        List<String> missed = of(all, "SE18", Severity.WARNING).stream().map(Finding::message).toList();
        assertEquals(3, missed.size(), dump(all));
        assertTrue(missed.get(0).contains("≥13，完成 12.44"), missed.get(0));
        assertTrue(missed.get(1).contains("≥650，完成 499.6"), missed.get(1));
        assertTrue(missed.get(2).contains("≥98，完成 95"), missed.get(2));
        Finding shifted = of(all, "SE15", Severity.WARNING).get(0);
        assertTrue(shifted.sheet().contains("科技交流与合作") && shifted.message().contains("持续开展区域和市校合作"), shifted.message());
        assertTrue(of(all, "SE15b", Severity.WARNING).get(0).message().contains("“满意”"));
    }

    @Test
    void seed000LuzhouGoalTablesAndScoreSheet() {
        List<Finding> all = findings(Fixtures.EVAL_000);
        List<Finding> pair = of(all, "SE8", Severity.ERROR);
        assertEquals(1, pair.size(), dump(all));
        assertTrue(pair.get(0).message().contains("“社会效益”属于“效益指标”"), pair.get(0).message());
        List<Finding> rates = of(all, "SE13", Severity.WARNING);
        assertEquals(2, rates.size(), dump(all));
        assertTrue(rates.get(0).message().contains("78.33%") && rates.get(1).message().contains("0%"), dump(rates));
        assertEquals(1, count(all, Severity.ERROR), dump(all));
        assertTrue(all.stream().noneMatch(f -> f.table().equals("sichuan_department_score")), "附件1: 自评得分 95 = Σ 得分, 分值 Σ 100");
    }

    @Test
    void seed002YueyangDepartmentRoundingOnly() {
        List<Finding> all = findings(Fixtures.EVAL_002);
        assertEquals(1, all.size(), dump(all));
        Finding f = all.get(0);
        assertEquals("SE32", f.ruleId());
        assertEquals(Severity.INFO, f.severity(), "215.74 vs 150.05 + 65.68: 尾差");
    }

    @Test
    void reportsMatchTheDocumentedSchema() throws Exception {
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(cn.juesuan.model.Json.MAPPER.readTree(java.nio.file.Files.readString(java.nio.file.Path.of(
                        "docs/validation-report.schema.json"))));
        var report = VALIDATOR.validate(new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.EVAL_004)), null);
        var errors = schema.validate(cn.juesuan.model.Json.MAPPER.readTree(report.toJson()));
        assertTrue(errors.isEmpty(), errors::toString);
        assertTrue(report.findings().size() > 10);
    }

    @Test
    void seed003YueyangProjectAddsUp() {
        List<Finding> all = findings(Fixtures.EVAL_003);
        assertTrue(all.isEmpty(), dump(all));
    }
}
