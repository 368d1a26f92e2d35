package cn.juesuan.model;

/** The reporting unit: 单位名称 and, when known, 单位代码. */
public record UnitInfo(String name, String code) {
}
