package cn.juesuan.rules;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.read.ReadNote;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookOpener;
import cn.juesuan.read.WorkbookReader;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Validates a 决算 附表 workbook against its profile's rules (templates/&lt;profile&gt;/rules/ plus the sums of the layout
 * descriptors). Thread-safe; rule sets are cached per profile and reloaded when their files or the profile change.
 * The input workbook is only read, never modified.
 */
public final class Validator {
    private record Loaded(long stamp, Profile profile, RuleSet rules) {
    }

    private final ProfileRegistry registry;
    private final CodeCatalogue codes;
    private final WorkbookReader reader;
    private final Cache<String, Loaded> cache = Caffeine.newBuilder().maximumSize(32).build();

    /**
     * @param registry profiles (layouts) and, beside them, the rule files
     * @param codes    the 科目 catalogue, or null to skip the catalogue check
     */
    public Validator(ProfileRegistry registry, CodeCatalogue codes) {
        this.registry = registry;
        this.codes = codes;
        this.reader = new WorkbookReader(registry);
    }

    /**
     * Reads and validates a workbook.
     *
     * @param xlsx      workbook bytes (not modified)
     * @param profileId profile to use, or null to detect it from the tables' titles
     * @throws JuesuanException (4xx) when the bytes are not a readable workbook
     */
    public ValidationReport validate(byte[] xlsx, String profileId) {
        return validate(xlsx, profileId, null);
    }

    /**
     * Reads and validates a workbook; with last year's workbook the cross-year rules (Y1–Y4: 年初 = 上年年末, the
     * 上年数 sheet, the unit) run too.
     *
     * @param previousXlsx last year's workbook, or null
     * @throws JuesuanException (4xx) when a workbook is not readable, or last year's is not of the year before
     */
    public ValidationReport validate(byte[] xlsx, String profileId, byte[] previousXlsx) {
        try (XSSFWorkbook wb = WorkbookOpener.open(xlsx)) {
            ReadResult read = reader.read(wb, profileId == null || profileId.isBlank() ? null : profileId);
            Profile profile = registry.get(read.data().profile());
            SheetFacts facts = SheetFacts.scan(wb, profile, read.map());
            PreviousYear previous = previousXlsx == null ? null
                    : PreviousYear.of(registry, wb, read.data(), profile, previousXlsx);
            return run(profile, read, facts, previous);
        } catch (IOException e) {
            throw new JuesuanException("corrupt_xlsx", 422, "工作簿无法读取。", e);
        }
    }

    /**
     * Validates what a reader returned. Without the workbook, checks that need the sheets themselves (the note under
     * an empty table, the 金额单位 printed above each table) fall back to what the read model carries.
     */
    public ValidationReport validate(ReadResult read) {
        return run(registry.get(read.data().profile()), read, null, null);
    }

    /** Number of rules of a profile's rule set (derived sums included). */
    public int ruleCount(String profileId) {
        return rules(registry.get(profileId)).size();
    }

    RuleSet rules(Profile profile) {
        long stamp = RuleSetLoader.stamp(registry.root(), profile.id());
        Loaded l = cache.getIfPresent(profile.id());
        if (l == null || l.stamp() != stamp || l.profile() != profile) {
            l = new Loaded(stamp, profile, RuleSetLoader.load(profile, registry.root()));
            cache.put(profile.id(), l);
        }
        return l.rules();
    }

    private ValidationReport run(Profile profile, ReadResult read, SheetFacts facts, PreviousYear previous) {
        RuleSet rules = rules(profile);
        Context ctx = new Context(profile, read, facts, codes, rules, registry.evalSheets(), previous);
        // a workbook of self-evaluation sheets only is not checked for the annex tables it does not have
        boolean evalOnly = read.data().tables().isEmpty() && read.map().tables().isEmpty() && !read.data().selfEvaluations().isEmpty();
        boolean required = rules.hasKind("required");
        for (ReadNote n : read.notes()) {
            if (required && RequiredRule.handles(n.code())) {
                continue;
            }
            new ReadNoteRule(n, rules.readNoteSeverity(n.code())).check(ctx);
        }
        for (Rule r : rules.rules) {
            if (r.appliesTo(ctx.year()) && (!evalOnly || r instanceof SelfEvalRule)) {
                r.check(ctx);
            }
        }
        List<Finding> findings = new ArrayList<>(ctx.findings());
        findings.sort(Comparator.comparing(Finding::position)
                .thenComparing(f -> f.severity().ordinal())
                .thenComparing(Finding::ruleId));
        return ValidationReport.of(profile.id(), profile.name(), read.data().year(), read.data().unit().name(),
                ctx.moneyUnit, rules.size(), findings);
    }
}
