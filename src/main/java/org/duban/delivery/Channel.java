package org.duban.delivery;

/** How a message reaches its recipient. */
public enum Channel {
  EMAIL("电子邮件"),
  DINGTALK("钉钉群机器人"),
  WECOM("企业微信群机器人"),
  /** The demo's channel: the log and the delivery's history, no configuration needed. */
  OUTBOX("本地发件箱");

  public final String label;

  Channel(String label) {
    this.label = label;
  }
}
