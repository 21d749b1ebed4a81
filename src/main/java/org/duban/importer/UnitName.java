package org.duban.importer;

/**
 * A responsible unit as a plan names it, in Simplified Chinese.
 *
 * @param collective a named set rather than one body ("有关部门", "…各成员单位", "各县(市、区)人民政府")
 */
record UnitName(String name, boolean collective) {}
