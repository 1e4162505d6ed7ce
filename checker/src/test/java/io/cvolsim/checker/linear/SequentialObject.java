package io.cvolsim.checker.linear;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A real, atomic object the generated clients call: each call takes effect at one instant, so
 * every history recorded against it is linearizable by construction.
 */
interface SequentialObject {
  /** Returned by {@link #apply} when the call is refused (recorded as :fail). */
  Object REFUSED = new Object();

  /** A call: function name and argument. */
  record Call(String f, Object input) {}

  /** The registry name of the model that specifies this object. */
  String modelName();

  Call randomCall(SplittableRandom random);

  /** Applies a call atomically and returns its result, or REFUSED. */
  Object apply(Call call);

  /** Whether a call of this kind may time out; a mutex release may not (see the tests). */
  default boolean mayTimeOut(Call call) {
    return true;
  }

  /** A read/write/cas register over 0..3, starting at nil. */
  final class Register implements SequentialObject {
    private Object value;

    @Override
    public String modelName() {
      return "cas-register";
    }

    @Override
    public Call randomCall(SplittableRandom random) {
      return switch (random.nextInt(3)) {
        case 0 -> new Call("read", null);
        case 1 -> new Call("write", (long) random.nextInt(4));
        default -> new Call("cas", List.of((long) random.nextInt(4), (long) random.nextInt(4)));
      };
    }

    @Override
    public Object apply(Call call) {
      switch (call.f()) {
        case "read":
          return value;
        case "write":
          value = call.input();
          return call.input();
        default:
          List<?> expectedAndNew = (List<?>) call.input();
          if (!java.util.Objects.equals(value, expectedAndNew.get(0))) {
            return REFUSED;
          }
          value = expectedAndNew.get(1);
          return call.input();
      }
    }
  }

  /** A lock: acquire is refused while held, release while free. */
  final class Mutex implements SequentialObject {
    private boolean held;

    @Override
    public String modelName() {
      return "mutex";
    }

    @Override
    public Call randomCall(SplittableRandom random) {
      return new Call(random.nextBoolean() ? "acquire" : "release", null);
    }

    @Override
    public Object apply(Call call) {
      boolean acquire = call.f().equals("acquire");
      if (acquire == held) {
        return REFUSED;
      }
      held = acquire;
      return null;
    }

    /** A timed-out release could explain a double acquire, so the generator never times one out. */
    @Override
    public boolean mayTimeOut(Call call) {
      return call.f().equals("acquire");
    }
  }

  /** A grow-only set of fresh integers. */
  final class GrowOnlySet implements SequentialObject {
    private final Set<Long> elements = new LinkedHashSet<>();
    private long nextElement;

    @Override
    public String modelName() {
      return "set";
    }

    @Override
    public Call randomCall(SplittableRandom random) {
      return random.nextInt(3) == 0 ? new Call("read", null) : new Call("add", nextElement++);
    }

    @Override
    public Object apply(Call call) {
      if (call.f().equals("read")) {
        return List.copyOf(new ArrayList<>(elements));
      }
      elements.add((Long) call.input());
      return call.input();
    }
  }

  /** A key-value store over keys 0..2 with get, put and append, every key starting at "". */
  final class KeyValue implements SequentialObject {
    private final String[] values = {"", "", ""};
    private int nextSuffix;

    @Override
    public String modelName() {
      return "key-value";
    }

    @Override
    public Call randomCall(SplittableRandom random) {
      long key = random.nextInt(values.length);
      return switch (random.nextInt(3)) {
        case 0 -> new Call("get", java.util.Arrays.asList(key, null));
        case 1 -> new Call("put", List.of(key, "p" + nextSuffix++));
        default -> new Call("append", List.of(key, "a" + nextSuffix++));
      };
    }

    @Override
    public Object apply(Call call) {
      List<?> keyAndValue = (List<?>) call.input();
      int key = (int) (long) (Long) keyAndValue.get(0);
      switch (call.f()) {
        case "get" -> {
          return List.of(keyAndValue.get(0), values[key]);
        }
        case "put" -> values[key] = (String) keyAndValue.get(1);
        default -> values[key] = values[key] + keyAndValue.get(1);
      }
      return call.input();
    }
  }
}
