package cn.juesuan.narrative;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.rules.Severity;
import cn.juesuan.support.Fixtures;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.juesuan.narrative.NarrativeCheckSeedsTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of the narrative check on short texts against seed 004's tables: a passing and a failing case. */
class NarrativeCheckRulesTest {
    private static final NarrativeService SERVICE = NarrativeFixtures.service();
    private static final NarrativeService.Input IN = SERVICE.input(Fixtures.seed(Fixtures.SEED_004), null, null);
    private static final NarrativeService.Input WITH_PREVIOUS =
            SERVICE.input(Fixtures.seed(Fixtures.SEED_004), NarrativeFixtures.previous004(), null);

    private static NarrativeReport check(String text) {
        return check(IN, text);
    }

    private static NarrativeReport check(NarrativeService.Input in, String text) {
        return SERVICE.checker(in).check(NarrativeSource.read(text.getBytes(StandardCharsets.UTF_8), "t.txt"), "t.txt");
    }

    private static final String S3 = "三、支出决算情况说明\n";

    @Test
    void amounts() {
        assertTrue(check(S3 + "2024年度本年支出合计1447.01万元，其中：基本支出708.77万元，占48.98%。").findings().isEmpty());
        NarrativeFinding f = only(check(S3 + "2024年度本年支出合计1447.01万元，其中：基本支出708.71万元。").findings());
        assertEquals("N-AMOUNT", f.ruleId());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(0, new BigDecimal("-0.06").compareTo(f.difference()));
        assertTrue(f.message().contains("708.77"), f.message());
        // written to fewer decimals: equal at the precision written
        assertTrue(check(S3 + "其中：基本支出709万元。").findings().isEmpty());
        assertEquals("N-AMOUNT", only(check(S3 + "其中：基本支出710万元。").findings()).ruleId());
    }

    @Test
    void yuanAndWanSlips() {
        NarrativeFinding yuan = only(check("六、一般公共预算财政拨款基本支出决算情况说明\n人员经费630.27万元，主要包括：住房公积金44.33元。").findings());
        assertEquals("N-UNIT", yuan.ruleId());
        assertEquals(Severity.ERROR, yuan.severity());
        assertTrue(yuan.message().contains("单位应为“万元”"), yuan.message());
        NarrativeFinding wan = only(check(S3 + "其中：基本支出7087700万元。").findings());
        assertEquals("N-UNIT", wan.ruleId());
        assertTrue(check(S3 + "其中：基本支出7087700元。").findings().isEmpty(), "元 converted right is fine");
        NarrativeFinding bare = only(check("五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出决算数为1447.01，完成预算95.75%。").findings());
        assertEquals("N-UNIT", bare.ruleId());
        assertEquals(Severity.WARNING, bare.severity());
    }

    @Test
    void shares() {
        NarrativeFinding f = only(check(S3 + "本年支出合计1447.01万元，其中：基本支出708.77万元，占50%。").findings());
        assertEquals("N-SHARE", f.ruleId());
        assertEquals(0, new BigDecimal("48.98").compareTo(f.computed()));
        assertTrue(check(S3 + "基本支出708.77万元，占49%；项目支出738.24万元，占51%。").findings().isEmpty(), "0.5 pp");
        // a 类 over 一般公共预算财政拨款支出, not over 本年支出合计
        assertTrue(check("（二）一般公共预算财政拨款支出决算结构情况\n科学技术支出1288.67万元，占89.06%。").findings().isEmpty());
        // a “三公” item over the “三公” 决算 total 6.23
        String s7 = "七、财政拨款“三公”经费支出决算情况说明\n";
        assertTrue(check(s7 + "因公出国（境）费支出决算3.25万元，占52.17%。").findings().isEmpty());
        assertEquals("N-SHARE", only(check(s7 + "因公出国（境）费支出决算3.25万元，占50%。").findings()).ruleId());
    }

    @Test
    void completionRates() {
        String s7 = "七、财政拨款“三公”经费支出决算情况说明\n";
        assertTrue(check(s7 + "“三公”经费财政拨款支出决算为6.23万元，完成预算99.36%。").findings().isEmpty());
        NarrativeFinding f = only(check(s7 + "“三公”经费财政拨款支出决算为6.23万元，完成预算95%。").findings());
        assertEquals("N-RATE", f.ruleId());
        assertTrue(f.message().contains("6.23 ÷ 预算 6.27"), f.message());
    }

    @Test
    void changesAgainstLastYearAndTheirRates() {
        String s1 = "一、收入支出决算总体情况说明\n";
        String right = s1 + "与2023年度相比，收入、支出总计各减少131.49万元，下降8.33%。主要变动原因是项目经费减少。";
        assertTrue(check(WITH_PREVIOUS, right).findings().isEmpty(), () -> check(WITH_PREVIOUS, right).toText());
        NarrativeFinding amount = only(check(WITH_PREVIOUS, s1 + "收入、支出总计各增加131.49万元。主要原因是项目经费增加。").findings());
        assertEquals("N-CHANGE", amount.ruleId(), "the direction is wrong");
        // without last year the rate is checked against the stated change: 131.49 / (1447.01 + 131.49)
        NarrativeFinding rate = only(check(s1 + "收入、支出总计各减少131.49万元，下降9.08%。主要原因是项目经费减少。").findings());
        assertEquals("N-CHANGE-RATE", rate.ruleId());
        assertTrue(rate.message().contains("推得上年 1578.50 万元"), rate.message());
        assertEquals(0, new BigDecimal("-8.33").compareTo(rate.computed()));
    }

    @Test
    void reasonsForChanges() {
        String s = "五、一般公共预算财政拨款支出决算情况说明\n与2023年度相比，一般公共预算财政拨款支出减少131.49万元，下降8.33%。";
        assertEquals("N-REASON", only(check(s).findings()).ruleId());
        assertEquals("N-REASON", only(check(s + "主要变动原因是无。").findings()).ruleId());
        assertTrue(check(s + "主要变动原因是本年项目经费减少。").findings().isEmpty());
        assertTrue(check(s + "\n主要原因是本年项目经费减少。").findings().isEmpty(), "the reason may open the next paragraph");
        assertTrue(check("八、政府性基金预算支出决算情况说明\n与2023年度相比，政府性基金预算财政拨款支出持平。").findings().isEmpty());
    }

    @Test
    void aQuantityStatedTwiceDifferently() {
        NarrativeReport r = check(S3 + "本年支出合计1447.01万元，其中：基本支出708.77万元。\n附件1\n其中：基本支出708.78万元。");
        assertEquals(2, r.findings().size(), r::toText);
        NarrativeFinding dup = only(r.findingsOf("N-DUP"));
        assertEquals("附件1", dup.section());
        assertTrue(dup.message().contains("第2行写作 708.77 万元"), dup.message());
    }

    @Test
    void templatesBlanksAndPaths() {
        assertEquals("N-TEMPLATE", only(check("八、政府性基金预算支出决算情况说明\n比2023年增加/减少0万元。").findings()).ruleId());
        assertEquals("N-BLANK", only(check("（二）政府采购支出情况\n政府采购支出总额【　】万元。").findings()).ruleId());
        assertTrue(check("第三部分 名词解释\n科学技术支出（类）科学技术管理事务（款）行政运行（项）：指……").findings().isEmpty());
        NarrativeFinding path = only(check("第三部分 名词解释\n卫生健康支出（类）行政事业单位医疗（款）住房公积金（项）：指……").findings());
        assertEquals("N-PATH", path.ruleId());
        assertTrue(path.message().contains("2210201") && path.message().contains("住房改革支出（款）"), path.message());
        // a 项 name under several 款 (行政运行): fine under any of them
        assertTrue(check("第三部分 名词解释\n一般公共服务支出（类）人大事务（款）行政运行（项）：指……").findings().isEmpty());
    }

    @Test
    void readsDocxAndChineseWindowsText() throws Exception {
        String text = S3 + "本年支出合计1447.01万元，其中：基本支出708.71万元。";
        byte[] gbk = text.getBytes(Charset.forName("GB18030"));
        NarrativeReport r = SERVICE.checker(IN).check(NarrativeSource.read(gbk, "说明.txt"), "说明.txt");
        assertEquals("N-AMOUNT", only(r.findings()).ruleId());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument d = new XWPFDocument()) {
            for (String line : text.split("\n")) {
                d.createParagraph().createRun().setText(line);
            }
            d.write(out);
        }
        NarrativeReport fromDocx = SERVICE.checker(IN).check(NarrativeSource.read(out.toByteArray(), "说明.docx"), "说明.docx");
        NarrativeFinding f = only(fromDocx.findings());
        assertEquals(2, f.paragraph());
        assertEquals(null, f.line());
        assertEquals("第2段", f.location());
    }

    @Test
    void refusesWhatIsNotANarrative() {
        byte[] xlsx = NarrativeFixtures.workbook(Fixtures.SEED_004);
        List<Object[]> cases = List.of(
                new Object[]{new byte[0], "说明.txt", 400},
                new Object[]{new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0}, "说明.doc", 415},
                new Object[]{"%PDF-1.4\n...".getBytes(StandardCharsets.US_ASCII), "说明.pdf", 415},
                new Object[]{"PK\u0003\u0004broken".getBytes(StandardCharsets.ISO_8859_1), "说明.docx", 422},
                new Object[]{xlsx, "决算.xlsx", 415});
        for (Object[] c : cases) {
            JuesuanException e = assertThrows(JuesuanException.class,
                    () -> SERVICE.check(xlsx, null, (byte[]) c[0], (String) c[1]), (String) c[1]);
            assertEquals((int) c[2], e.status(), c[1] + ": " + e.getMessage());
            assertTrue(e.getMessage().chars().anyMatch(ch -> ch >= 0x4E00), "Chinese message: " + e.getMessage());
        }
    }
}
