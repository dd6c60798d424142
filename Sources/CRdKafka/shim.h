#include <librdkafka/rdkafka.h>

// rd_kafka_conf_set and friends are plain functions, but the produce API Swift can call is rd_kafka_produce;
// these constants are macros Swift does not import.
static inline int gifticon_rd_kafka_msg_f_copy(void) { return RD_KAFKA_MSG_F_COPY; }
static inline int32_t gifticon_rd_kafka_partition_ua(void) { return RD_KAFKA_PARTITION_UA; }
static inline int64_t gifticon_rd_kafka_offset_end(void) { return RD_KAFKA_OFFSET_END; }
