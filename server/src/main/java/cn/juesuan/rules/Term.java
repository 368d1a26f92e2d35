package cn.juesuan.rules;

import java.math.BigDecimal;

/** A cell with its sign in an identity. */
record Term(int sign, CellRef cell) {
    static Term plus(CellRef c) {
        return new Term(1, c);
    }

    static Term minus(CellRef c) {
        return new Term(-1, c);
    }

    BigDecimal signedValue() {
        BigDecimal v = cell.valueOrZero();
        return sign < 0 ? v.negate() : v;
    }
}
