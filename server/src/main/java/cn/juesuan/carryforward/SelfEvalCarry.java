package cn.juesuan.carryforward;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.Json;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.model.SelfEvaluation.Indicator;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How self-evaluation sheets (绩效自评表) start the new year: templates/selfeval/carry-forward.json names, per sheet
 * kind, the text fields, numbers and funds cells kept, and per list the columns kept; everything else is cleared.
 * The projects and their indicators (targets, weights) stay; last year's actuals and scores go to a reference sheet.
 *
 * @param indicators    indicator columns kept, and those shown as last year's reference
 * @param lists         columns kept of the other lists (tasks, reviewers, expenses)
 * @param kinds         per sheet kind: fields, numbers and funds cells ("row.column") kept
 * @param referenceSheet the sheet listing last year's actuals: name, title, columns (indicator field and header)
 */
public record SelfEvalCarry(String description, List<String> notes, Indicators indicators, Map<String, List<String>> lists,
                            Map<String, Kind> kinds, ReferenceSheet referenceSheet) {
    public static final String FILE = "selfeval/carry-forward.json";

    public record Indicators(List<String> keep, List<String> reference) {
    }

    public record Kind(List<String> fields, List<String> numbers, List<String> funds) {
    }

    public record Column(String field, String header) {
    }

    public record ReferenceSheet(String sheetName, String title, List<Column> columns) {
    }

    /** The carry rules, checked against the sheet kinds; null when the templates have no such file. */
    public static SelfEvalCarry of(ProfileRegistry registry) {
        byte[] json = registry.optionalFile(FILE);
        if (json == null) {
            return null;
        }
        try {
            SelfEvalCarry spec = Json.MAPPER.readValue(json, SelfEvalCarry.class);
            List<String> errors = spec.check(registry.evalSheets());
            if (!errors.isEmpty()) {
                throw new JuesuanException("profile_broken", 500, FILE + " 有误：" + String.join("；", errors));
            }
            return spec;
        } catch (IOException e) {
            throw new JuesuanException("profile_broken", 500, FILE + " 无法读取：" + e.getMessage(), e);
        }
    }

    /** Every name must be a value of its sheet kind or a column of its list; empty when consistent. */
    List<String> check(List<EvalSheetLayout> layouts) {
        List<String> errors = new ArrayList<>();
        Set<String> indicatorFields = components(Indicator.class);
        for (String f : concat(indicators.keep(), indicators.reference())) {
            if (!indicatorFields.contains(f)) {
                errors.add("indicators 中的 " + f + " 不是指标的列");
            }
        }
        referenceSheet.columns().stream().filter(c -> !indicatorFields.contains(c.field()))
                .forEach(c -> errors.add("referenceSheet 中的 " + c.field() + " 不是指标的列"));
        lists.forEach((list, cols) -> {
            Class<?> type = itemType(list);
            if (type == null) {
                errors.add("lists 中的 " + list + " 不是自评表的列表");
            } else {
                cols.stream().filter(c -> !components(type).contains(c)).forEach(c -> errors.add("lists." + list + " 中的 " + c + " 不是列"));
            }
        });
        for (EvalSheetLayout l : layouts) {
            Kind k = kinds.get(l.key());
            if (k == null) {
                errors.add("kinds 中缺少 " + l.key());
                continue;
            }
            Set<String> fields = new HashSet<>();
            Set<String> numbers = new HashSet<>();
            Set<String> money = new HashSet<>();
            for (EvalSheetLayout.Row r : l.rows()) {
                for (EvalSheetLayout.Cell c : r.cells()) {
                    add(fields, c.field());
                    add(numbers, c.number());
                    add(money, c.money());
                }
            }
            k.fields().stream().filter(f -> !fields.contains(f)).forEach(f -> errors.add(l.key() + " 没有文字项 " + f));
            k.numbers().stream().filter(f -> !numbers.contains(f)).forEach(f -> errors.add(l.key() + " 没有数值项 " + f));
            k.funds().stream().filter(f -> !money.contains(f)).forEach(f -> errors.add(l.key() + " 没有资金格 " + f));
        }
        return errors;
    }

    /** This year's sheet: the kept values of last year's, nothing else. */
    public SelfEvaluation carry(SelfEvaluation last) {
        Kind k = kinds.getOrDefault(last.kind(), new Kind(List.of(), List.of(), List.of()));
        Map<String, String> fields = new LinkedHashMap<>();
        k.fields().forEach(f -> fields.put(f, last.field(f)));
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        k.numbers().forEach(n -> numbers.put(n, last.number(n)));
        Map<String, Map<String, BigDecimal>> funds = new LinkedHashMap<>();
        for (String cell : k.funds()) {
            String[] rc = cell.split("\\.", 2);
            BigDecimal v = last.fund(rc[0], rc[1]);
            if (v != null) {
                funds.computeIfAbsent(rc[0], x -> new LinkedHashMap<>()).put(rc[1], v);
            }
        }
        return new SelfEvaluation(last.kind(), fields, numbers, funds,
                keep(last.indicators(), indicators.keep()),
                keep(last.expenses(), lists.getOrDefault("expenses", List.of())),
                keep(last.reviewers(), lists.getOrDefault("reviewers", List.of())),
                keep(last.tasks(), lists.getOrDefault("tasks", List.of())));
    }

    /** The items with only the named components (the others null); items left empty drop out. */
    static <T extends Record> List<T> keep(List<T> items, List<String> names) {
        List<T> out = new ArrayList<>();
        for (T item : items) {
            RecordComponent[] cs = item.getClass().getRecordComponents();
            Object[] values = new Object[cs.length];
            try {
                for (int i = 0; i < cs.length; i++) {
                    values[i] = names.contains(cs[i].getName()) ? cs[i].getAccessor().invoke(item) : null;
                }
                Constructor<?> c = item.getClass().getDeclaredConstructor(
                        Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new));
                @SuppressWarnings("unchecked")
                T kept = (T) c.newInstance(values);
                out.add(kept);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** The value of an indicator column, as text. */
    static String text(Indicator i, String field) {
        for (RecordComponent c : Indicator.class.getRecordComponents()) {
            if (c.getName().equals(field)) {
                try {
                    Object v = c.getAccessor().invoke(i);
                    return v instanceof BigDecimal b ? b.toPlainString() : (String) v;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    private static Class<?> itemType(String list) {
        return switch (list) {
            case "indicators" -> Indicator.class;
            case "expenses" -> SelfEvaluation.ExpenseLine.class;
            case "reviewers" -> SelfEvaluation.Reviewer.class;
            case "tasks" -> SelfEvaluation.Task.class;
            default -> null;
        };
    }

    private static Set<String> components(Class<?> record) {
        Set<String> s = new HashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            s.add(c.getName());
        }
        return s;
    }

    private static void add(Set<String> set, String v) {
        if (v != null) {
            set.add(v);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
