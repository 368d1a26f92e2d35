package cn.juesuan.layout;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a physical column of a table block holds. */
public enum ColumnKind {
    /** 项目 text of a fixed row. */
    @JsonProperty("label") LABEL,
    /** 行次. */
    @JsonProperty("line") LINE,
    /** 科目编码 as one cell ("2060101"). */
    @JsonProperty("code") CODE,
    /** 科目编码 split over cells: 类 / 款 / 项. */
    @JsonProperty("code-lei") CODE_LEI,
    @JsonProperty("code-kuan") CODE_KUAN,
    @JsonProperty("code-xiang") CODE_XIANG,
    /** 科目名称. */
    @JsonProperty("name") NAME,
    /** A money amount. */
    @JsonProperty("amount") AMOUNT,
    /** Free text (e.g. 指标值, 原因). */
    @JsonProperty("text") TEXT;

    public boolean isCode() {
        return this == CODE || this == CODE_LEI || this == CODE_KUAN || this == CODE_XIANG;
    }

    public boolean isDescriptive() {
        return this != AMOUNT;
    }
}
