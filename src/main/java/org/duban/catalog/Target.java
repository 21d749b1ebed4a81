package org.duban.catalog;

import java.math.BigDecimal;

/** A quantified target, e.g. "到2025年 有效注册商标量 15000件". */
public record Target(String indicator, Integer year, BigDecimal value, String unit) {}
