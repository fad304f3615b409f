package org.dialogkarta.walk;

import org.dialogkarta.kernel.Coded;

/** Who took part in a walk, as groups; the walk report names them, never the people. */
enum WalkGroup implements Coded {
  RESIDENTS("residents"),
  POLICE("police"),
  HOUSING_COMPANY("housing_company"),
  MUNICIPALITY("municipality"),
  POLITICIANS("politicians"),
  ASSOCIATIONS("associations"),
  YOUTH("youth"),
  SENIORS("seniors"),
  BUSINESS("business"),
  OTHER("other");

  private final String code;

  WalkGroup(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
